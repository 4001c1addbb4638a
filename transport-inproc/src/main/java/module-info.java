/** In-process transport: every node is a thread; an Agrona ring buffer inbox per participant. */
module dev.multinode.transport.inproc {
    requires dev.multinode.api;
    requires org.agrona;

    provides dev.multinode.spi.TransportProvider with dev.multinode.transport.inproc.InProcTransportProvider;
}
