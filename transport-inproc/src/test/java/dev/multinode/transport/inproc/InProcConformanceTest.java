package dev.multinode.transport.inproc;

import dev.multinode.testkit.TransportConformance;

/** The testkit's conformance suite, over inproc. */
class InProcConformanceTest extends TransportConformance {

    @Override
    protected String transport() {
        return "inproc";
    }
}
