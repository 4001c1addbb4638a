package dev.multinode.transport.tcp;

import dev.multinode.testkit.TransportConformance;

/** The testkit's conformance suite, over TCP, in threads and in processes. */
class TcpConformanceTest extends TransportConformance {

    @Override
    protected String transport() {
        return "tcp";
    }
}
