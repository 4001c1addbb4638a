package dev.multinode.transport.chronicle;

import dev.multinode.testkit.TransportConformance;

/** The testkit's conformance suite, over Chronicle, in threads and in processes. */
class ChronicleConformanceTest extends TransportConformance {

    @Override
    protected String transport() {
        return "chronicle";
    }
}
