/** The multinode runtime: settings, transport selection, launchers, the conductor and reports. */
module dev.multinode.runtime {
    requires dev.multinode.api;
    requires org.agrona;

    // The relay is the harness's own, not an API: only its benchmark reaches it from outside.
    exports dev.multinode.runtime.relay to dev.multinode.bench;

    uses dev.multinode.spi.TransportProvider;

    provides dev.multinode.spi.MultiNodeRunner with dev.multinode.runtime.DefaultMultiNodeRunner;
}
