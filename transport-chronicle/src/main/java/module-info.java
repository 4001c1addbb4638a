/** Inter-process transport over Chronicle Queue files in the run directory. */
module dev.multinode.transport.chronicle {
    requires dev.multinode.api;
    // Chronicle's jars are automatic modules (names from their Automatic-Module-Name).
    requires chronicle.queue;
    requires chronicle.wire;
    requires chronicle.bytes;
    requires chronicle.core;
    requires chronicle.threads;
    // Chronicle uses sun.misc (Unsafe, SignalHandler) but, as automatic modules, cannot say so: a JVM
    // launched with --module/-m resolves jdk.unsupported only if a named module requires it.
    requires jdk.unsupported;

    provides dev.multinode.spi.TransportProvider with dev.multinode.transport.chronicle.ChronicleTransportProvider;
}
