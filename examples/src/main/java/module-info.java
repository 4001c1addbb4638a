/**
 * multinode examples: a small cluster library (membership, failure detection, sharding, pub-sub,
 * singletons) that runs on a multinode {@link dev.multinode.Node}, the real multi-node specs that
 * test it, and the harness benchmark.
 */
module dev.multinode.examples {
    requires transitive dev.multinode.api;
    // The bench package measures latencies with these.
    requires HdrHistogram;
    requires org.agrona;
    // The chronicle transport's raw baseline (automatic modules, as in transport-chronicle).
    requires chronicle.queue;
    requires chronicle.wire;
    requires chronicle.bytes;
    requires jdk.unsupported;

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
