/** Inter-process transport over Chronicle Queue files in the run directory. */
module dev.multinode.transport.chronicle {
    requires dev.multinode.api;
    requires chronicle.queue;

    provides dev.multinode.spi.TransportProvider with dev.multinode.transport.chronicle.ChronicleTransportProvider;
}
