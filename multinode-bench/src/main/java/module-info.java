/**
 * The harness benchmark: start-up time, ping-pong round trip against the raw transport's, barrier
 * interval, per transport ({@link dev.multinode.bench.HarnessBenchmark}).
 */
module dev.multinode.bench {
    requires dev.multinode.api;
    // Its raw baselines start their far ends with the testkit's ChildJvm.
    requires dev.multinode.testkit;
    requires HdrHistogram;
    requires org.agrona;
    // The chronicle transport's raw baseline (automatic modules, as in transport-chronicle).
    requires chronicle.queue;
    requires chronicle.wire;
    requires chronicle.bytes;
    requires jdk.unsupported;

    // A raw baseline's child JVM gets the flags of the transport it stands for.
    uses dev.multinode.spi.TransportProvider;
}
