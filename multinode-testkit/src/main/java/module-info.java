/**
 * The multinode testkit: the harness conformance suite, which a transport runs by extending
 * {@link dev.multinode.testkit.TransportConformance} in one test class, and the helpers it is made
 * of ({@link dev.multinode.testkit.Mode}, {@link dev.multinode.testkit.ChildJvm}).
 */
module dev.multinode.testkit {
    requires transitive dev.multinode.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.assertj.core;
    // The endpoint suite reads per-thread allocation (com.sun.management.ThreadMXBean).
    requires jdk.management;

    exports dev.multinode.testkit;
    // JUnit instantiates the suites' extension and invokes their test methods reflectively.
    opens dev.multinode.testkit to org.junit.platform.commons;

    // The suites run over the transports found.
    uses dev.multinode.spi.TransportProvider;
}
