package dev.multinode.examples.specs;

import dev.multinode.MultiNodeProbe;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pub-sub across nodes: node-a subscribes a probe living on node-c, node-b publishes; node-c
 * receives the message exactly once, node-a and node-b nothing.
 */
public final class PubSubSpec {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(500);

    private PubSubSpec() {
    }

    /**
     * @param spec a spec of the roles node-a, node-b, node-c
     */
    public static void run(SpecBuilder spec) {
        spec.run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            ExampleCluster cluster = ClusterUp.start(node);
            node.runOn("node-a", () -> cluster.pubSub().subscribe("news", node.probeRef("node-c", "inbox"))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            node.enterBarrier("subscribed");
            node.runOn("node-b", () -> cluster.pubSub().publish("news", "hello").get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            node.runOn("node-c", () -> {
                inbox.expectMessage("hello", WAIT);
                inbox.expectNoMessage(QUIET);
            });
            node.runOn(Set.of("node-a", "node-b"), () -> inbox.expectNoMessage(QUIET));
            node.enterBarrier("delivered");
        });
    }
}
