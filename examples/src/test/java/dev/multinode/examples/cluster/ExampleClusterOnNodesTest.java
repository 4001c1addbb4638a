package dev.multinode.examples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.net.LocalNodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster over the {@link dev.multinode.Node} adapter, on real threads and real time, with fast
 * timings: what the multinode specs will do, minus the runtime.
 */
class ExampleClusterOnNodesTest {

    private static final long WAIT_SECONDS = 5;
    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final ClusterSettings FAST = ClusterSettings.defaults()
            .withFailureDetection(Duration.ofMillis(20), Duration.ofMillis(150), Duration.ofMillis(150))
            .withIntervals(Duration.ofMillis(20), Duration.ofMillis(20));

    private final LocalNodes nodes = new LocalNodes(ROLES.toArray(String[]::new));
    private final Map<String, ExampleCluster> clusters = new LinkedHashMap<>();

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    private void startAll() throws Exception {
        for (String role : ROLES) {
            clusters.put(role, ExampleCluster.start(nodes.node(role), FAST));
        }
        for (ExampleCluster cluster : clusters.values()) {
            cluster.membership().when(v -> v.upMembers().size() == ROLES.size()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPublicationReachesAProbeOnAnotherNodeExactlyOnceThroughNodeTell() throws Exception {
        startAll();
        ProbeRef inbox = new ProbeRef("node-c", "inbox");
        clusters.get("node-a").pubSub().subscribe("news", inbox).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, clusters.get("node-b").pubSub().publish("news", "hello").get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("hello", nodes.told(inbox).poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertNull(nodes.told(inbox).poll(200, TimeUnit.MILLISECONDS), "delivered once");
    }

    @Test
    void entitiesAndTheSingletonAnswerFromEveryNode() throws Exception {
        startAll();
        for (ExampleCluster cluster : clusters.values()) {
            cluster.singletons().start("counter", context -> message -> context.host());
        }
        for (String role : ROLES) {
            ExampleCluster cluster = clusters.get(role);
            assertEquals("node-a", cluster.singletons().proxy("counter").ask("who", Duration.ofSeconds(WAIT_SECONDS))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                String reply = cluster.sharding().ask("e-" + i, "ping", Duration.ofSeconds(WAIT_SECONDS))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(reply.startsWith("ping from e-" + i + "@node-"), reply);
            }
        }
    }

    @Test
    void stoppingANodeClosesItsClusterAndTheOthersRemoveIt() throws Exception {
        startAll();
        ExampleCluster c = clusters.get("node-c");
        c.close();
        assertFalse(c.membership().isActive());
        clusters.get("node-a").membership()
                .when(v -> v.upMembers().size() == 2 && !v.isMember("node-c")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> c.sharding().ask("e-1", "x", Duration.ofSeconds(1)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("the cluster stopped on node-c", failure.getCause().getMessage());
        assertEquals(Set.of(), c.sharding().localEntities());
    }
}
