package dev.multinode.examples.specs;

import dev.multinode.SpecBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The example specs, as the program runs them. */
enum ExampleSpec {

    /** {@link ShardingRebalanceSpec}. */
    SHARDING_REBALANCE("sharding", "sharding rebalance", ShardingRebalanceSpec::run),
    /** {@link PubSubSpec}. */
    PUB_SUB("pubsub", "pub-sub across nodes", PubSubSpec::run),
    /** {@link SingletonFailoverSpec}. */
    SINGLETON_FAILOVER("singleton", "singleton failover", SingletonFailoverSpec::run),
    /** {@link RestartRejoinSpec}. */
    RESTART_REJOIN("restart", "restart and rejoin", RestartRejoinSpec::run),
    /** {@link PausedOldestSpec}. */
    PAUSED_OLDEST("pause", "paused oldest", PausedOldestSpec::run),
    /** {@link ZooKeeperPartitionSpec}. */
    ZOOKEEPER_PARTITION("zookeeper", "zookeeper partition", ZooKeeperPartitionSpec::run);

    private final String id;
    private final String title;
    private final Consumer<UnaryOperator<SpecBuilder>> runner;

    ExampleSpec(String id, String title, Consumer<UnaryOperator<SpecBuilder>> runner) {
        this.id = id;
        this.title = title;
        this.runner = runner;
    }

    /**
     * @param list comma-separated ids ({@code sharding}, {@code pubsub}, {@code singleton}, {@code restart},
     *             {@code pause}, {@code zookeeper})
     * @return those specs, in the order given
     * @throws IllegalArgumentException naming an unknown id and the accepted ones
     */
    static List<ExampleSpec> parseAll(String list) {
        List<ExampleSpec> specs = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                specs.add(Arrays.stream(values()).filter(spec -> spec.id.equals(entry.trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Unknown spec '" + entry.trim() + "' in '" + list
                                + "': expected some of " + Arrays.stream(values()).map(spec -> spec.id).toList())));
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("No spec given in '" + list + "': expected some of "
                    + Arrays.stream(values()).map(spec -> spec.id).toList());
        }
        return specs;
    }

    /** @return the spec's name in result tables */
    String title() {
        return title;
    }

    /**
     * Runs the spec once.
     *
     * @param options options of the run
     * @throws dev.multinode.MultiNodeFailure if a node fails
     */
    void run(UnaryOperator<SpecBuilder> options) {
        runner.accept(options);
    }
}
