/**
 * multinode examples: a small cluster library (membership, failure detection, sharding, pub-sub,
 * singletons) that runs on a multinode {@link dev.multinode.Node}, and the real multi-node specs
 * that test it.
 */
module dev.multinode.examples {
    requires transitive dev.multinode.api;
    // The specs program parses transport/launch modes with the testkit's Mode.
    requires dev.multinode.testkit;
    // ZooKeeper's QuorumPeer, which the ZooKeeper spec starts, declares a SaslException. ZooKeeper
    // itself is no module here: its jar and zookeeper-jute's share packages, which the module path
    // refuses, so it stays on the class path, read as the unnamed module (see the pom).
    requires java.security.sasl;

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
