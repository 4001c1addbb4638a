package dev.multinode.examples.cluster.singleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.net.VirtualWorld;
import dev.multinode.examples.cluster.routing.BufferFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SingletonTest {

    private static final Duration LIMIT = VirtualCluster.LIMIT;
    private static final Duration ASK = Duration.ofSeconds(3);
    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private final List<String> events = new ArrayList<>();
    /** Hosts whose instance runs; an instance on a killed node never stops, so checks skip dead hosts. */
    private final Set<String> running = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private VirtualCluster cluster;
    private VirtualWorld world;

    private void startCluster(ClusterSettings settings) {
        cluster = VirtualCluster.startUp(settings, ROLES.toArray(String[]::new));
        world = cluster.world();
        for (String role : ROLES) {
            cluster.node(role).singletons().start("counter", this::counter);
        }
    }

    /**
     * Counts "inc"s, answers "count", and checks when it starts that no other live instance runs and
     * that its host sees itself as the oldest, every older member removed.
     */
    private Singleton counter(SingletonContext context) {
        String host = context.host();
        running.stream().filter(world::isAlive)
                .forEach(other -> violations.add(host + " started while " + other + " ran"));
        String oldest = cluster.node(host).membership().view().oldest().orElseThrow().role();
        if (!oldest.equals(host)) {
            violations.add(host + " started while " + oldest + " was older and not removed");
        }
        running.add(host);
        events.add("start@" + host);
        int[] count = {0};
        return new Singleton() {
            @Override
            public String onMessage(String message) {
                if (message.equals("inc")) {
                    count[0]++;
                }
                return Integer.toString(count[0]);
            }

            @Override
            public void onStop() {
                running.remove(host);
                events.add("stop@" + host);
            }
        };
    }

    private SingletonProxy proxy(String role) {
        return cluster.node(role).singletons().proxy("counter");
    }

    @Test
    void itRunsOnTheOldestOnlyAndAProxyOnAnyNodeReachesIt() {
        startCluster(ClusterSettings.defaults());
        for (String role : ROLES) {
            assertEquals("node-a", world.await(proxy(role).whereIs(ASK), LIMIT), "from " + role);
        }
        world.await(proxy("node-b").tell("inc"), LIMIT);
        assertEquals("2", world.await(proxy("node-c").ask("inc", ASK), LIMIT));
        assertEquals(List.of("start@node-a"), events);
        assertTrue(cluster.node("node-a").singletons().isRunningHere("counter"));
        assertFalse(cluster.node("node-b").singletons().isRunningHere("counter"));
    }

    @Test
    void whenTheOldestIsKilledTheNextOldestTakesOverOnlyAfterTheRemovalAndBufferedMessagesArrive() {
        startCluster(ClusterSettings.defaults());
        world.await(proxy("node-a").whereIs(ASK), LIMIT);
        world.kill("node-a");
        cluster.awaitStatus("node-a", MemberStatus.UNREACHABLE);
        List<CompletableFuture<Void>> tells = List.of(proxy("node-c").tell("inc"), proxy("node-c").tell("inc"));
        world.advance(Duration.ofMillis(100));
        assertTrue(tells.stream().noneMatch(CompletableFuture::isDone), "held while the oldest is unreachable");
        assertEquals("node-b", world.await(proxy("node-c").whereIs(ASK), LIMIT));
        assertEquals("2", world.await(proxy("node-c").ask("count", ASK), LIMIT), "the held messages arrived");
        assertEquals(List.of("start@node-a", "start@node-b"), events);
        assertEquals(List.of(), violations, "never two instances");
    }

    @Test
    void aPartitionShorterThanTheDownPeriodDoesNotMoveIt() {
        startCluster(ClusterSettings.defaults());
        world.blackhole("node-a", "node-b");
        world.blackhole("node-a", "node-c");
        cluster.awaitStatus("node-a", MemberStatus.UNREACHABLE);
        CompletableFuture<String> where = proxy("node-c").whereIs(ASK);
        world.heal();
        assertEquals("node-a", world.await(where, LIMIT));
        world.advance(Duration.ofSeconds(2));
        assertEquals(List.of("start@node-a"), events);
        assertEquals(List.of(), violations);
    }

    @Test
    void aGracefulShutdownOfTheOldestHandsOverAtOnce() {
        startCluster(ClusterSettings.defaults());
        world.await(proxy("node-b").whereIs(ASK), LIMIT);
        Duration start = world.elapsed();
        cluster.node("node-a").close();
        world.runUntil("moved to node-b", () -> events.contains("start@node-b"), LIMIT);
        assertTrue(world.elapsed().minus(start).compareTo(Duration.ofMillis(300)) < 0, "took " + world.elapsed());
        assertEquals(List.of("start@node-a", "stop@node-a", "start@node-b"), events);
        assertEquals(List.of(), violations);
    }

    @Test
    void messagesForASingletonNotYetDeclaredOnItsHostWaitForIt() {
        startCluster(ClusterSettings.defaults());
        CompletableFuture<String> reply = cluster.node("node-b").singletons().proxy("late").ask("hi", ASK);
        world.advance(Duration.ofMillis(500));
        assertFalse(reply.isDone());
        cluster.node("node-a").singletons().start("late", context -> message -> message + " from " + context.host());
        assertEquals("hi from node-a", world.await(reply, LIMIT));
    }

    @Test
    void aFullBufferFailsTheMessageWithAClearError() {
        startCluster(ClusterSettings.defaults().withBufferSize(2));
        world.kill("node-a");
        cluster.awaitStatus("node-a", MemberStatus.UNREACHABLE);
        proxy("node-b").tell("inc");
        proxy("node-b").tell("inc");
        Throwable failure = world.awaitFailure(proxy("node-b").tell("inc"), LIMIT);
        assertInstanceOf(BufferFullException.class, failure);
        assertTrue(failure.getMessage().startsWith("message for singleton counter dropped"), failure.getMessage());
    }

    @Test
    void theNextOldestStartsOnlyWhenTheKilledHostsLeaseMustHaveExpired() {
        Duration lease = Duration.ofSeconds(3);
        startCluster(ClusterSettings.defaults().withLease(lease));
        world.await(proxy("node-c").whereIs(ASK), LIMIT);
        Duration killedAt = world.elapsed();
        world.kill("node-a");
        world.runUntil("started on node-b", () -> events.contains("start@node-b"), LIMIT);
        Duration waited = world.elapsed().minus(killedAt);
        // the grantors' last promises to node-a were at most a quarter lease old at the kill
        assertTrue(waited.compareTo(lease.multipliedBy(3).dividedBy(4)) >= 0, "started after " + waited.toMillis()
                + " ms, before node-a's lease could have expired");
        assertEquals(List.of(), violations);
    }

    @Test
    void aPausedHostIsReplacedAndOnResumeItsInstanceStopsWithoutHandlingAnything() {
        cluster = VirtualCluster.startUp(ClusterSettings.defaults(), ROLES.toArray(String[]::new));
        world = cluster.world();
        List<String> handledBy = new ArrayList<>();
        for (String role : ROLES) {
            cluster.node(role).singletons().start("acting", context -> message -> {
                handledBy.add(context.host());
                return context.host();
            });
        }
        SingletonProxy fromC = cluster.node("node-c").singletons().proxy("acting");
        assertEquals("node-a", world.await(fromC.ask("hi", ASK), LIMIT));
        world.pause("node-a");
        cluster.awaitStatus("node-a", MemberStatus.REMOVED);
        assertEquals("node-b", world.await(fromC.ask("hi", ASK), LIMIT));
        // node-a hears nothing after its resume, so only its lease can stop it
        world.isolate("node-a");
        CompletableFuture<String> fromA = cluster.node("node-a").singletons().proxy("acting").ask("hi", ASK);
        world.resume("node-a");
        world.advance(Duration.ofMillis(500));
        assertFalse(cluster.node("node-a").singletons().isRunningHere("acting"), "the instance on node-a stopped");
        assertFalse(fromA.isDone(), "node-a's own message waits for a host with a lease");
        world.heal();
        assertEquals("node-a is not a member of the cluster any more", world.awaitFailure(fromA, LIMIT).getMessage(),
                "once node-a learns it is out, its message fails");
        assertEquals(List.of("node-a", "node-b"), handledBy, "node-a handled nothing after node-b started");
        assertFalse(cluster.node("node-a").membership().isActive());
    }

    @Test
    void aSingletonCannotBeDeclaredTwiceOnOneNode() {
        startCluster(ClusterSettings.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cluster.node("node-b").singletons().start("counter", this::counter));
        assertEquals("singleton counter is already started on node-b", e.getMessage());
    }
}
