package dev.multinode.examples.cluster.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PubSubTest {

    private static final Duration LIMIT = VirtualCluster.LIMIT;
    private static final ProbeRef INBOX_C = new ProbeRef("node-c", "inbox");

    private final VirtualCluster cluster =
            VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
    private final VirtualWorld world = cluster.world();

    private PubSub pubSub(String role) {
        return cluster.node(role).pubSub();
    }

    @Test
    void aSubscriptionMadeOnOneNodeForAProbeOnAnotherGetsAPublicationFromAThirdExactlyOnce() {
        world.await(pubSub("node-a").subscribe("news", INBOX_C), LIMIT);
        assertEquals(1, world.await(pubSub("node-b").publish("news", "hello"), LIMIT));
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of("hello"), world.delivered(INBOX_C));
    }

    @Test
    void theSameSubscriptionMadeOnTwoNodesStillDeliversOnce() {
        world.await(pubSub("node-a").subscribe("news", INBOX_C), LIMIT);
        world.await(pubSub("node-b").subscribe("news", INBOX_C), LIMIT);
        assertEquals(1, world.await(pubSub("node-c").publish("news", "once"), LIMIT));
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of("once"), world.delivered(INBOX_C));
    }

    @Test
    void everySubscriberGetsItsOwnCopyAndOtherTopicsStayApart() {
        ProbeRef inboxA = new ProbeRef("node-a", "inbox");
        ProbeRef sportC = new ProbeRef("node-c", "sport");
        world.await(pubSub("node-b").subscribe("news", INBOX_C), LIMIT);
        world.await(pubSub("node-b").subscribe("news", inboxA), LIMIT);
        world.await(pubSub("node-b").subscribe("sport", sportC), LIMIT);
        assertEquals(2, world.await(pubSub("node-a").publish("news", "n1"), LIMIT));
        world.advance(Duration.ofMillis(100));
        assertEquals(List.of("n1"), world.delivered(INBOX_C));
        assertEquals(List.of("n1"), world.delivered(inboxA));
        assertEquals(List.of(), world.delivered(sportC));
    }

    @Test
    void subscribeCompletesOnlyOnceEveryUpMemberHoldsTheSubscription() {
        world.blackhole("node-a", "node-b");
        CompletableFuture<Void> subscribed = pubSub("node-a").subscribe("news", INBOX_C);
        world.advance(Duration.ofMillis(300));
        assertFalse(subscribed.isDone(), "node-b has not acknowledged yet");
        assertEquals(Set.of(INBOX_C), pubSub("node-c").subscribers("news"));
        assertEquals(Set.of(), pubSub("node-b").subscribers("news"));
        world.heal();
        world.await(subscribed, LIMIT);
        assertEquals(Set.of(INBOX_C), pubSub("node-b").subscribers("news"));
    }

    @Test
    void unsubscribingStopsDelivery() {
        world.await(pubSub("node-a").subscribe("news", INBOX_C), LIMIT);
        world.await(pubSub("node-a").unsubscribe("news", INBOX_C), LIMIT);
        assertEquals(Set.of(), pubSub("node-b").subscribers("news"));
        assertEquals(0, world.await(pubSub("node-b").publish("news", "nobody"), LIMIT));
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), world.delivered(INBOX_C));
    }

    @Test
    void subscriptionsToARemovedNodeAreDropped() {
        world.await(pubSub("node-a").subscribe("news", INBOX_C), LIMIT);
        cluster.killAndAwaitRemoval("node-c");
        world.runUntil("subscription dropped on node-b", () -> pubSub("node-b").subscribers("news").isEmpty(), LIMIT);
        assertEquals(0, world.await(pubSub("node-b").publish("news", "too late"), LIMIT));
    }

    @Test
    void aNodeThatJoinsLaterReceivesTheExistingSubscriptions() {
        VirtualWorld lateWorld = new VirtualWorld("a", "b", "late");
        ExampleCluster a = ExampleCluster.start(lateWorld.network("a"), ClusterSettings.defaults());
        ExampleCluster.start(lateWorld.network("b"), ClusterSettings.defaults());
        ProbeRef inboxB = new ProbeRef("b", "inbox");
        lateWorld.await(a.membership().when(v -> v.upMembers().size() == 2), LIMIT);
        lateWorld.await(a.pubSub().subscribe("news", inboxB), LIMIT);
        ExampleCluster late = ExampleCluster.start(lateWorld.network("late"), ClusterSettings.defaults());
        lateWorld.runUntil("late knows the subscription",
                () -> late.pubSub().subscribers("news").equals(Set.of(inboxB)), LIMIT);
        assertEquals(1, lateWorld.await(late.pubSub().publish("news", "hi"), LIMIT));
        lateWorld.advance(Duration.ofMillis(100));
        assertEquals(List.of("hi"), lateWorld.delivered(inboxB));
    }
}
