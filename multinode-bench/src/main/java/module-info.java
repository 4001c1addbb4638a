/**
 * The harness benchmark: start-up time, ping-pong round trip against the raw transport's, barrier
 * interval, and on request their growth with the number of nodes, the example specs' wall times and
 * what nodes cost while they wait, per transport ({@link dev.multinode.bench.HarnessBenchmark}).
 */
module dev.multinode.bench {
    requires dev.multinode.api;
    // Its raw baselines start their far ends with the testkit's ChildJvm.
    requires dev.multinode.testkit;
    // The example specs, timed end to end.
    requires dev.multinode.examples;
    requires HdrHistogram;
    // The report states the host's load average: these machines are shared.
    requires java.management;
    requires org.agrona;
    // The chronicle transport's raw baseline (automatic modules, as in transport-chronicle).
    requires chronicle.queue;
    requires chronicle.wire;
    requires chronicle.bytes;
    requires jdk.unsupported;

    // A raw baseline's child JVM gets the flags of the transport it stands for.
    uses dev.multinode.spi.TransportProvider;
}
