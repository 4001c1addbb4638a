/** TCP transport: length-prefixed frames over NIO, loopback by default, a per-run secret. */
module dev.multinode.transport.tcp {
    requires dev.multinode.api;
    requires org.agrona;

    provides dev.multinode.spi.TransportProvider with dev.multinode.transport.tcp.TcpTransportProvider;
}
