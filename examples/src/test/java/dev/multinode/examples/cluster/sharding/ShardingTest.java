package dev.multinode.examples.cluster.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.net.VirtualWorld;
import dev.multinode.examples.cluster.routing.BufferFullException;
import dev.multinode.examples.cluster.routing.RemoteFailureException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardingTest {

    private static final Duration LIMIT = VirtualCluster.LIMIT;
    private static final Duration ASK = Duration.ofSeconds(3);
    private static final List<String> ENTITIES = IntStream.range(0, 30).mapToObj(i -> "entity-" + i).toList();

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ClusterSettings settings =
            ClusterSettings.defaults().withEntityFactory(context -> new CountingEntity(context, events));

    private static Map<String, String> homesAsSeenFrom(VirtualCluster cluster, String role) {
        Map<String, String> homes = new TreeMap<>();
        for (String id : ENTITIES) {
            homes.put(id, cluster.world().await(cluster.node(role).sharding().whereIs(id, ASK), LIMIT));
        }
        return homes;
    }

    private static Set<String> onNode(Map<String, String> homes, String role) {
        return homes.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void entitiesSpreadOverEveryNodeAndLiveWhereTheySay() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b", "node-c");
        Map<String, String> homes = homesAsSeenFrom(cluster, "node-b");
        assertEquals(Set.of("node-a", "node-b", "node-c"), Set.copyOf(homes.values()));
        for (String role : List.of("node-a", "node-b", "node-c")) {
            assertEquals(onNode(homes, role), cluster.node(role).sharding().localEntities(), role);
        }
        assertEquals(Set.copyOf(homesAsSeenFrom(cluster, "node-c").entrySet()), Set.copyOf(homes.entrySet()),
                "every node routes an entity to the same home");
    }

    @Test
    void askReachesTheEntityAndItsStateStaysOnItsHome() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        world.await(cluster.node("node-a").sharding().tell("cart", "inc"), LIMIT);
        world.await(cluster.node("node-b").sharding().tell("cart", "inc"), LIMIT);
        assertEquals("3", world.await(cluster.node("node-c").sharding().ask("cart", "inc", ASK), LIMIT));
        assertEquals(1, events.stream().filter(e -> e.startsWith("start cart@")).count(), "one instance");
    }

    @Test
    void theShardsOfAKilledNodeMoveAndTheirEntitiesRestartOnTheSurvivors() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b", "node-c");
        Map<String, String> before = homesAsSeenFrom(cluster, "node-a");
        Set<String> wereOnC = onNode(before, "node-c");
        assertFalse(wereOnC.isEmpty());
        cluster.killAndAwaitRemoval("node-c");
        Map<String, String> after = homesAsSeenFrom(cluster, "node-a");
        for (String id : ENTITIES) {
            if (wereOnC.contains(id)) {
                assertTrue(Set.of("node-a", "node-b").contains(after.get(id)), id + " moved to " + after.get(id));
                assertTrue(events.contains("start " + id + "@" + after.get(id)), id + " restarted on its new home");
            } else {
                assertEquals(before.get(id), after.get(id), id + " had no reason to move");
            }
        }
        assertEquals(after, homesAsSeenFrom(cluster, "node-b"));
    }

    @Test
    void aNodeRestartedBeforeItIsDownedGetsItsShardsBackAndNothingElseMoves() {
        ClusterSettings slowDown = settings
                .withFailureDetection(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60));
        VirtualCluster cluster = VirtualCluster.startUp(slowDown, "node-a", "node-b", "node-c");
        Map<String, String> before = homesAsSeenFrom(cluster, "node-a");
        cluster.world().kill("node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        ExampleCluster c = cluster.restart("node-c", slowDown);
        cluster.world().await(c.membership().when(v -> v.upMembers().size() == 3), LIMIT);
        assertEquals(before, homesAsSeenFrom(cluster, "node-a"), "every shard is where it was");
        assertEquals(onNode(before, "node-c"), c.sharding().localEntities(), "the new incarnation hosts them");
    }

    @Test
    void messagesSentWhileAShardHasNoReachableHomeWaitAndArrive() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        String onC = onNode(homesAsSeenFrom(cluster, "node-a"), "node-c").iterator().next();
        world.kill("node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        List<CompletableFuture<Void>> tells = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tells.add(cluster.node("node-a").sharding().tell(onC, "inc"));
        }
        world.advance(Duration.ofMillis(50));
        assertTrue(tells.stream().noneMatch(CompletableFuture::isDone), "held while node-c is unreachable");
        // Asked from the same node, the count queues behind the five, in order.
        CompletableFuture<String> count = cluster.node("node-a").sharding().ask(onC, "count", ASK);
        assertEquals("5", world.await(count, LIMIT), "all five arrived at the new home, none lost");
        assertTrue(tells.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
    }

    @Test
    void aFullBufferFailsTheMessageWithAClearError() {
        VirtualCluster cluster = VirtualCluster.startUp(settings.withBufferSize(3), "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        String onC = onNode(homesAsSeenFrom(cluster, "node-a"), "node-c").iterator().next();
        world.kill("node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        for (int i = 0; i < 3; i++) {
            cluster.node("node-a").sharding().tell(onC, "inc");
        }
        Throwable failure = world.awaitFailure(cluster.node("node-a").sharding().ask(onC, "count", ASK), LIMIT);
        assertInstanceOf(BufferFullException.class, failure);
        assertTrue(failure.getMessage().startsWith("message for entity " + onC + " (shard "), failure.getMessage());
        assertTrue(failure.getMessage().contains("already holds 3 (ClusterSettings.bufferSize)"), failure.getMessage());
    }

    @Test
    void whenTheCoordinatorsNodeDiesTheNextOldestRebuildsTheAllocationFromTheRegions() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b", "node-c");
        assertTrue(cluster.node("node-a").sharding().isCoordinatorHere());
        Map<String, String> before = homesAsSeenFrom(cluster, "node-c");
        cluster.killAndAwaitRemoval("node-a");
        Map<String, String> after = homesAsSeenFrom(cluster, "node-c");
        String newOldest = cluster.node("node-b").membership().view().oldest().orElseThrow().role();
        assertTrue(cluster.node(newOldest).sharding().isCoordinatorHere());
        for (String id : ENTITIES) {
            if (before.get(id).equals("node-a")) {
                assertNotEquals("node-a", after.get(id), id);
            } else {
                assertEquals(before.get(id), after.get(id), id + " stays where the old coordinator put it");
            }
        }
        Map<String, Long> startsOnSurvivors = events.stream()
                .filter(e -> e.startsWith("start ") && !e.endsWith("@node-a"))
                .collect(Collectors.groupingBy(e -> e.substring("start ".length(), e.indexOf('@')),
                        Collectors.counting()));
        assertEquals(Set.copyOf(ENTITIES), startsOnSurvivors.keySet());
        assertTrue(startsOnSurvivors.values().stream().allMatch(n -> n == 1),
                "no entity started twice on the survivors: " + startsOnSurvivors);
    }

    @Test
    void anEntityThatThrowsFailsTheAskAndKeepsServing() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b");
        VirtualWorld world = cluster.world();
        String remote = ENTITIES.stream()
                .filter(id -> world.await(cluster.node("node-a").sharding().whereIs(id, ASK), LIMIT).equals("node-b"))
                .findFirst().orElseThrow();
        Throwable failure = world.awaitFailure(cluster.node("node-a").sharding().ask(remote, "boom", ASK), LIMIT);
        assertInstanceOf(RemoteFailureException.class, failure);
        assertTrue(failure.getMessage().contains("boom in " + remote), failure.getMessage());
        assertEquals("1", world.await(cluster.node("node-a").sharding().ask(remote, "inc", ASK), LIMIT));
    }

    @Test
    void anAskLostWithItsNodeTimesOut() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b");
        VirtualWorld world = cluster.world();
        String remote = ENTITIES.stream()
                .filter(id -> world.await(cluster.node("node-a").sharding().whereIs(id, ASK), LIMIT).equals("node-b"))
                .findFirst().orElseThrow();
        world.kill("node-b");
        Throwable failure = world.awaitFailure(
                cluster.node("node-a").sharding().ask(remote, "inc", Duration.ofMillis(200)), LIMIT);
        assertInstanceOf(TimeoutException.class, failure);
    }

    @Test
    void closingANodeStopsItsEntities() {
        VirtualCluster cluster = VirtualCluster.startUp(settings, "node-a", "node-b");
        Map<String, String> homes = new TreeMap<>();
        for (String id : ENTITIES.subList(0, 10)) {
            homes.put(id, cluster.world().await(cluster.node("node-a").sharding().whereIs(id, ASK), LIMIT));
        }
        cluster.node("node-b").close();
        cluster.world().advance(Duration.ofMillis(10));
        Set<String> stopped = events.stream().filter(e -> e.startsWith("stop ")).collect(Collectors.toSet());
        Set<String> expected = homes.entrySet().stream().filter(e -> e.getValue().equals("node-b"))
                .map(e -> "stop " + e.getKey() + "@node-b").collect(Collectors.toSet());
        assertFalse(expected.isEmpty());
        assertEquals(expected, stopped);
    }
}
