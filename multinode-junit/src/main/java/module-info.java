/**
 * multinode for JUnit 5: {@link dev.multinode.junit.MultiNodeTest} runs a test method as the body
 * of every node, once per transport of {@link dev.multinode.junit.Transports}.
 */
module dev.multinode.junit {
    requires transitive dev.multinode.api;
    requires transitive org.junit.jupiter.api;
    // Mode parses and checks transport/launch entries against the transports found.
    requires dev.multinode.testkit;

    exports dev.multinode.junit;
    // JUnit instantiates the extension that @MultiNodeTest names reflectively.
    opens dev.multinode.junit to org.junit.platform.commons;
}
