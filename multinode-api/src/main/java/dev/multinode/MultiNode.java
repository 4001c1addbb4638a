package dev.multinode;

import dev.multinode.spi.MultiNodeRunner;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point: runs a spec on N nodes.
 *
 * <pre>{@code
 * runMultiNode(List.of("node-a", "node-b"), node -> {
 *     node.enterBarrier("started");
 *     node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), "hello"));
 *     node.runOn("node-b", () -> node.probe("inbox").expectMessage("hello", Duration.ofSeconds(5)));
 *     node.enterBarrier("done");
 * });
 * }</pre>
 *
 * The runtime ({@code multinode-runtime}) is found with {@link ServiceLoader}, the transports too.
 */
public final class MultiNode {

    private MultiNode() {
    }

    /**
     * Runs {@code body} once per role with the settings of the {@code multinode.*} system properties.
     *
     * @param roles distinct role names
     * @param body  the script every node runs
     * @throws MultiNodeFailure if any node fails, or the run times out
     */
    public static void runMultiNode(List<String> roles, NodeBody body) {
        new SpecBuilder(roles).run(body);
    }

    /**
     * Starts a spec with options.
     *
     * @param roles distinct role names
     * @return a builder; finish with {@link SpecBuilder#run}
     */
    public static SpecBuilder spec(String... roles) {
        return new SpecBuilder(roles == null ? null : Arrays.asList(roles));
    }

    static MultiNodeRunner runner() {
        return RunnerHolder.RUNNER;
    }

    /** Loads the runner once, on first use. */
    private static final class RunnerHolder {
        static final MultiNodeRunner RUNNER = ServiceLoader.load(MultiNodeRunner.class, MultiNode.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No multinode runtime found: add the dependency dev.multinode:multinode-runtime"));
    }
}
