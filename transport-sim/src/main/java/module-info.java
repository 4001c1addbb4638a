/**
 * Simulation transport: every node is a thread of one JVM, run one step at a time by a seeded
 * scheduler in virtual time, over a simulated network.
 */
module dev.multinode.transport.sim {
    requires dev.multinode.api;

    provides dev.multinode.spi.TransportProvider with dev.multinode.transport.sim.SimTransportProvider;
}
