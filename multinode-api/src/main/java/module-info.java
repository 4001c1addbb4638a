/**
 * The multinode API: what spec authors and transport authors see.
 */
module dev.multinode.api {
    requires transitive org.slf4j;

    exports dev.multinode;
    exports dev.multinode.spi;

    uses dev.multinode.spi.MultiNodeRunner;
}
