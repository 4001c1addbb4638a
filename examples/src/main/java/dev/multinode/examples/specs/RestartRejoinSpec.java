package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Restart and rejoin: three nodes form a cluster of {@link DurableCounter} entities, whose counts
 * live in their node's data folder; node-b counts each entity that lives on node-c up to 3; node-a
 * restarts node-c (a kill, then its next incarnation). The new incarnation rejoins as a new member
 * that replaces the old one on every node (the old incarnation never shows again), gets node-c's
 * shards back, and its entities go on from the counts incarnation 0 saved: the next "inc" answers 4.
 *
 * <p>The leader downs an unreachable member only after 30 s here, far longer than a restart takes,
 * so the new incarnation always finds the old one unreachable but not removed, and its shards
 * still allocated to node-c (after a removal they would move to the survivors, as in
 * {@link ShardingRebalanceSpec}).
 */
public final class RestartRejoinSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String VICTIM = "node-c";
    private static final String COUNTER = "node-b";
    private static final Set<String> OBSERVERS = Set.of("node-a", "node-b");
    private static final int ENTITIES = 30;
    private static final int COUNTS = 3;
    private static final Duration ASK = Duration.ofSeconds(2);
    /** A restart takes about a second in process launch; this bound only matters when something is broken. */
    private static final Duration REJOIN = Duration.ofSeconds(20);
    private static final ClusterSettings SETTINGS = ClusterUp.SETTINGS
            .withFailureDetection(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(30));

    private RestartRejoinSpec() {
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
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(RestartRejoinSpec::body);
    }

    /**
     * The script every node runs: {@link #run} runs it, and so does its test, as a JUnit
     * {@code @MultiNodeTest} over every transport.
     *
     * @param node this node
     * @throws Exception if this node's part of the spec fails
     */
    public static void body(Node node) throws Exception {
        Path data = node.dataDir();
        ExampleCluster cluster = ClusterUp.start(node,
                SETTINGS.withEntityFactory(context -> new DurableCounter(data, context)));
        List<Integer> incarnationsSeen = new CopyOnWriteArrayList<>();
        cluster.membership().addListener((previous, current) -> current.member(VICTIM)
                .ifPresent(m -> incarnationsSeen.add(m.incarnation())));

        Set<String> onVictim = new TreeSet<>();
        node.runOn(COUNTER, () -> {
            homes(cluster).forEach((id, home) -> {
                if (home.equals(VICTIM)) {
                    onVictim.add(id);
                }
            });
            if (onVictim.isEmpty()) {
                throw new AssertionError("none of the " + ENTITIES + " entities lives on " + VICTIM);
            }
            for (int count = 1; count <= COUNTS; count++) {
                expectCounts(cluster, onVictim, "inc", count);
            }
        });
        node.enterBarrier("counted");

        node.runOn("node-a", () -> node.faults().restart(VICTIM));
        node.runOn(VICTIM, () -> {
            if (node.incarnation() == 0) {
                Victim.awaitKill(node);
            }
        });
        node.enterBarrier("node-c-restarted");

        ClusterView view = ClusterUp.awaitView(node, cluster, "every role up, " + VICTIM + " as incarnation 1",
                v -> v.upMembers().size() == ROLES.size() && v.member(VICTIM).orElseThrow().incarnation() == 1,
                REJOIN);
        List<Member> oldestFirst = view.upMembers();
        if (!oldestFirst.get(oldestFirst.size() - 1).role().equals(VICTIM)) {
            throw new AssertionError(node.role() + " (incarnation " + node.incarnation() + ") should see " + VICTIM
                    + "'s new incarnation as the youngest member: " + view);
        }
        node.enterBarrier("node-c-rejoined");

        node.runOn(COUNTER, () -> {
            Map<String, String> homes = homes(cluster);
            onVictim.forEach(id -> {
                if (!homes.get(id).equals(VICTIM)) {
                    throw new AssertionError(id + " lived on " + VICTIM + " before the restart and now on "
                            + homes.get(id) + ": node-c's shards should have come back to it");
                }
            });
            expectCounts(cluster, onVictim, "inc", COUNTS + 1);
        });
        node.runOn(OBSERVERS, () -> expectIncarnationsOnlyGrew(node.role(), incarnationsSeen));
        node.enterBarrier("state-recovered");

        node.runOn(VICTIM, () -> {
            if (node.incarnation() != 1 || cluster.sharding().localEntities().isEmpty()) {
                throw new AssertionError(VICTIM + " should run as incarnation 1 hosting entities, but is incarnation "
                        + node.incarnation() + " hosting " + cluster.sharding().localEntities());
            }
        });
        node.enterBarrier("entities-back-on-node-c");
    }

    /** Where every entity lives, as the cluster answers {@code whereIs}, asked of all at once. */
    private static Map<String, String> homes(ExampleCluster cluster) throws Exception {
        Map<String, CompletableFuture<String>> replies = new TreeMap<>();
        for (int i = 0; i < ENTITIES; i++) {
            replies.put("entity-" + i, cluster.sharding().whereIs("entity-" + i, ASK));
        }
        Map<String, String> homes = new TreeMap<>();
        for (Map.Entry<String, CompletableFuture<String>> reply : replies.entrySet()) {
            homes.put(reply.getKey(), Await.result(reply.getValue(), ASK.multipliedBy(2)));
        }
        return homes;
    }

    private static void expectCounts(ExampleCluster cluster, Set<String> ids, String message, int expected)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String id : ids) {
            String count = Await.result(cluster.sharding().ask(id, message, ASK), ASK.multipliedBy(2));
            if (!count.equals(Integer.toString(expected))) {
                wrong.add(id + " answered " + count);
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("after '" + message + "' every entity of " + VICTIM + " should count " + expected
                    + ": " + wrong);
        }
    }

    private static void expectIncarnationsOnlyGrew(String observer, List<Integer> seen) {
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        if (!sorted.equals(seen) || seen.isEmpty() || seen.get(seen.size() - 1) != 1) {
            throw new AssertionError(observer + " saw " + VICTIM + "'s incarnations in the order " + seen
                    + "; the old incarnation must never come back after the new one joined");
        }
    }
}
