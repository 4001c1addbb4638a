package dev.multinode.examples.cluster.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.ProbeRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    private static final ProbeRef INBOX_C = new ProbeRef("node-c", "inbox");
    private static final ProbeRef INBOX_B = new ProbeRef("node-b", "inbox");

    private final SubscriptionRegistry registry = new SubscriptionRegistry();

    @Test
    void onlyANewerBucketReplacesTheOneHeld() {
        assertTrue(registry.merge("a", 2, Set.of(new Subscription("news", INBOX_C))));
        assertFalse(registry.merge("a", 1, Set.of()));
        assertFalse(registry.merge("a", 2, Set.of()));
        assertEquals(Set.of(INBOX_C), registry.subscribers("news"));
        assertTrue(registry.merge("a", 3, Set.of()));
        assertEquals(Set.of(), registry.subscribers("news"));
        assertEquals(3, registry.version("a"));
    }

    @Test
    void aSubscriberInSeveralBucketsCountsOnce() {
        registry.merge("a", 1, Set.of(new Subscription("news", INBOX_C)));
        registry.merge("b", 1, Set.of(new Subscription("news", INBOX_C), new Subscription("news", INBOX_B),
                new Subscription("sport", INBOX_B)));
        assertEquals(List.of(INBOX_B, INBOX_C), List.copyOf(registry.subscribers("news")));
        assertEquals(3, registry.all().size());
    }

    @Test
    void aRemovedOwnerTakesItsSubscriptionsAlong() {
        registry.merge("a", 1, Set.of(new Subscription("news", INBOX_C)));
        registry.removeOwner("a");
        assertEquals(Set.of(), registry.subscribers("news"));
        assertEquals(0, registry.version("a"));
        assertEquals(Set.of(), registry.bucket("a"));
    }
}
