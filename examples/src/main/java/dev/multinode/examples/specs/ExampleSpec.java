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
    SHARDING_REBALANCE("sharding", "sharding rebalance", true, ShardingRebalanceSpec::run),
    /** {@link PubSubSpec}. */
    PUB_SUB("pubsub", "pub-sub across nodes", true, PubSubSpec::run),
    /** {@link SingletonFailoverSpec}. */
    SINGLETON_FAILOVER("singleton", "singleton failover", true, SingletonFailoverSpec::run),
    /** {@link RestartRejoinSpec}. */
    RESTART_REJOIN("restart", "restart and rejoin", true, RestartRejoinSpec::run),
    /** {@link PausedOldestSpec}. */
    PAUSED_OLDEST("pause", "paused oldest", true, PausedOldestSpec::run),
    /** {@link ZooKeeperPartitionSpec}: ZooKeeper has sockets and threads of its own, which no simulation runs. */
    ZOOKEEPER_PARTITION("zookeeper", "zookeeper partition", false, ZooKeeperPartitionSpec::run);

    private final String id;
    private final String title;
    private final boolean simulable;
    private final Consumer<UnaryOperator<SpecBuilder>> runner;

    ExampleSpec(String id, String title, boolean simulable, Consumer<UnaryOperator<SpecBuilder>> runner) {
        this.id = id;
        this.title = title;
        this.simulable = simulable;
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

    /** @return whether the spec runs in the {@code sim} transport: its system takes threads, time and network from the node */
    boolean simulable() {
        return simulable;
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
