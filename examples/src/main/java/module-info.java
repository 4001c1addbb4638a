/**
 * multinode examples: a small cluster library (membership, failure detection, sharding, pub-sub,
 * singletons) that runs on a multinode {@link dev.multinode.Node}, and the real multi-node specs
 * that test it.
 */
module dev.multinode.examples {
    requires transitive dev.multinode.api;
    // The specs program parses transport/launch modes with the testkit's Mode.
    requires dev.multinode.testkit;

    exports dev.multinode.examples.cluster;
    exports dev.multinode.examples.cluster.codec;
    exports dev.multinode.examples.cluster.failure;
    exports dev.multinode.examples.cluster.membership;
    exports dev.multinode.examples.cluster.net;
    exports dev.multinode.examples.cluster.pubsub;
    exports dev.multinode.examples.cluster.routing;
    exports dev.multinode.examples.cluster.sharding;
    exports dev.multinode.examples.cluster.singleton;
    exports dev.multinode.examples.specs;

    // The specs program lists the transports it may run the specs over.
    uses dev.multinode.spi.TransportProvider;
}
