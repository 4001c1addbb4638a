/** The multinode runtime: settings, transport selection, launchers, the conductor and reports. */
module dev.multinode.runtime {
    requires dev.multinode.api;
    requires org.agrona;

    uses dev.multinode.spi.TransportProvider;

    provides dev.multinode.spi.MultiNodeRunner with dev.multinode.runtime.DefaultMultiNodeRunner;
}
