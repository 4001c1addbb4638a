package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Sharding rebalance: three nodes form a cluster and 30 entities spread over all of them; node-c is
 * killed; node-a and node-b detect it and remove it, node-c's shards move, and every entity answers
 * from node-a or node-b: those that lived on node-c from a new home, the others from where they were.
 */
public final class ShardingRebalanceSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String VICTIM = "node-c";
    private static final Set<String> SURVIVORS = Set.of("node-a", "node-b");
    private static final int ENTITIES = 30;
    private static final Duration ASK = Duration.ofSeconds(2);
    /** Failure detection and removal take about a second with the spec's settings. */
    private static final Duration REMOVAL = Duration.ofSeconds(10);
    private static final Duration REBALANCE = Duration.ofSeconds(15);

    private ShardingRebalanceSpec() {
    }

    /** Runs the spec with the settings of the {@code multinode.*} system properties. */
    public static void run() {
        run(UnaryOperator.identity());
    }

    /**
     * Runs the spec.
     *
     * @param options sets options (transport, launch, name, ...) on the spec of {@link #ROLES}
     * @throws dev.multinode.MultiNodeFailure if a node fails
     */
    public static void run(UnaryOperator<SpecBuilder> options) {
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(ShardingRebalanceSpec::body);
    }

    /**
     * The script every node runs: {@link #run} runs it, and so does its test, as a JUnit
     * {@code @MultiNodeTest} over every transport.
     *
     * @param node this node
     * @throws Exception if this node's part of the spec fails
     */
    public static void body(Node node) throws Exception {
        ExampleCluster cluster = ClusterUp.start(node);

        Map<String, String> before = new TreeMap<>();
        node.runOn(SURVIVORS, () -> {
            before.putAll(homes(cluster));
            if (!new HashSet<>(before.values()).equals(new HashSet<>(ROLES))) {
                throw new AssertionError("the entities should live on all of " + ROLES + ": " + before);
            }
        });
        node.enterBarrier("entities-started");
        if (cluster.sharding().localEntities().isEmpty()) {
            throw new AssertionError(node.role() + " hosts none of the " + ENTITIES + " entities");
        }
        node.enterBarrier("entities-spread");

        node.runOn("node-a", () -> node.faults().kill(VICTIM));
        node.runOn(VICTIM, () -> Victim.awaitKill(node));
        node.enterBarrier("node-c-killed");

        node.runOn(SURVIVORS, () -> Await.result(cluster.membership()
                .when(view -> !view.isMember(VICTIM) && view.upMembers().size() == SURVIVORS.size()), REMOVAL));
        node.enterBarrier("node-c-removed");

        node.runOn(SURVIVORS, () -> Await.awaitAssert(() -> {
            Map<String, String> after = homes(cluster);
            checkRebalanced(before, after, cluster.sharding().homes());
            node.log().info("homes before the kill {}, after {}", before, after);
        }, REBALANCE));
        node.enterBarrier("rebalanced");
    }

    /** Asks every entity at once and reads its home from its answer ({@code "ping from <id>@<home>"}). */
    private static Map<String, String> homes(ExampleCluster cluster) throws Exception {
        Map<String, CompletableFuture<String>> replies = new TreeMap<>();
        for (int i = 0; i < ENTITIES; i++) {
            String id = "entity-" + i;
            replies.put(id, cluster.sharding().ask(id, "ping", ASK));
        }
        Map<String, String> homes = new TreeMap<>();
        for (Map.Entry<String, CompletableFuture<String>> reply : replies.entrySet()) {
            String id = reply.getKey();
            String answer = Await.result(reply.getValue(), ASK.multipliedBy(2));
            String expected = "ping from " + id + "@";
            if (!answer.startsWith(expected)) {
                throw new AssertionError(id + " answered '" + answer + "', expected '" + expected + "<home>'");
            }
            homes.put(id, answer.substring(expected.length()));
        }
        return homes;
    }

    /**
     * Entities of node-c now answer from a survivor; those of the survivors did not move (only a
     * removed node's shards are reallocated); no shard home names node-c any more.
     */
    private static void checkRebalanced(Map<String, String> before, Map<String, String> after,
                                        Map<Integer, String> shardHomes) {
        List<String> problems = new ArrayList<>();
        before.forEach((id, was) -> {
            String now = after.get(id);
            if (was.equals(VICTIM) && !SURVIVORS.contains(now)) {
                problems.add(id + " lived on " + VICTIM + " and answers from " + now);
            } else if (!was.equals(VICTIM) && !was.equals(now)) {
                problems.add(id + " lived on " + was + ", a survivor, and moved to " + now);
            }
        });
        shardHomes.forEach((shard, home) -> {
            if (home.equals(VICTIM)) {
                problems.add("shard " + shard + " is still homed on " + VICTIM);
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("not rebalanced: " + problems);
        }
    }
}
