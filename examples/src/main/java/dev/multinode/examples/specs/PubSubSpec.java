package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pub-sub across nodes: node-a subscribes a probe living on node-c to "news"; node-b publishes
 * "hello"; node-c receives it exactly once, node-a and node-b nothing. Their probes are subscribed
 * to another topic, so a publication that leaked to the wrong subscribers would reach them.
 */
public final class PubSubSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final Set<String> BYSTANDERS = Set.of("node-a", "node-b");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for a second copy, or a stray delivery, to arrive over any transport. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private PubSubSpec() {
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
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(PubSubSpec::body);
    }

    /**
     * The script every node runs: {@link #run} runs it, and so does its test, as a JUnit
     * {@code @MultiNodeTest} over every transport.
     *
     * @param node this node
     * @throws Exception if this node's part of the spec fails
     */
    public static void body(Node node) throws Exception {
        MultiNodeProbe inbox = node.probe("inbox");
        ExampleCluster cluster = ClusterUp.start(node);

        node.runOn("node-a", () -> {
            Await.result(cluster.pubSub().subscribe("news", node.probeRef("node-c", "inbox")), WAIT);
            for (String bystander : BYSTANDERS) {
                Await.result(cluster.pubSub().subscribe("sports", node.probeRef(bystander, "inbox")), WAIT);
            }
        });
        node.enterBarrier("subscribed");

        node.runOn("node-b", () -> {
            int subscribers = Await.result(cluster.pubSub().publish("news", "hello"), WAIT);
            if (subscribers != 1) {
                throw new AssertionError("news has one subscriber, the publication went to " + subscribers);
            }
        });
        node.enterBarrier("published");

        node.runOn("node-c", () -> {
            inbox.expectMessage("hello", WAIT);
            inbox.expectNoMessage(QUIET);
        });
        node.runOn(BYSTANDERS, () -> inbox.expectNoMessage(QUIET));
        node.enterBarrier("delivered");
    }
}
