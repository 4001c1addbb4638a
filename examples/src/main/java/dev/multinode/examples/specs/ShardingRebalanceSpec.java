package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sharding rebalance: 3 nodes form a cluster, 30 entities spread over all of them, node-c is
 * killed; the survivors remove it, its shards move, and every entity answers from node-a or node-b,
 * those that lived on node-c from their new home.
 */
public final class ShardingRebalanceSpec {

    private static final int ENTITIES = 30;
    private static final Duration ASK = Duration.ofSeconds(2);

    private ShardingRebalanceSpec() {
    }

    /**
     * @param spec a spec of the roles node-a, node-b, node-c
     */
    public static void run(SpecBuilder spec) {
        spec.run(node -> {
            ExampleCluster cluster = ClusterUp.start(node);
            node.runOn("node-a", () -> {
                Map<String, String> before = homes(cluster);
                if (!new HashSet<>(before.values()).equals(Set.of("node-a", "node-b", "node-c"))) {
                    throw new AssertionError("entities should spread over all three nodes: " + before);
                }
                node.faults().kill("node-c");
                Await.awaitAssert(() -> {
                    Map<String, String> after = homes(cluster);
                    for (Map.Entry<String, String> entity : after.entrySet()) {
                        if (!Set.of("node-a", "node-b").contains(entity.getValue())) {
                            throw new AssertionError(entity.getKey() + " still answers from " + entity.getValue());
                        }
                    }
                    node.log().info("homes before the kill {}, after {}", before, after);
                }, Duration.ofSeconds(30));
            });
            node.runOn("node-c", () -> new CountDownLatch(1).await()); // until the kill
            node.enterBarrier("rebalanced");
        });
    }

    private static Map<String, String> homes(ExampleCluster cluster) throws Exception {
        Map<String, String> homes = new HashMap<>();
        for (int i = 0; i < ENTITIES; i++) {
            String id = "entity-" + i;
            homes.put(id, cluster.sharding().whereIs(id, ASK).get(ASK.toMillis() * 2, TimeUnit.MILLISECONDS));
        }
        return homes;
    }
}
