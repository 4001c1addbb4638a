package dev.multinode.examples.cluster.singleton;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseGrantsTest {

    private static final long MS = 1_000_000;

    private final LeaseGrants grants = new LeaseGrants(Duration.ofMillis(500));

    @Test
    void anotherHolderIsRefusedUntilTheGrantExpiredWhileTheHolderRenews() {
        assertTrue(grants.grant("a", 0));
        assertFalse(grants.grant("b", 499 * MS), "a's grant still binds");
        assertTrue(grants.grant("a", 400 * MS), "a renews");
        assertFalse(grants.grant("b", 899 * MS), "the renewal binds from its own time");
        assertTrue(grants.grant("b", 900 * MS));
        assertFalse(grants.grant("a", 1000 * MS), "now b holds it");
    }

    @Test
    void aReleasedLeaseCanBeGrantedAtOnceButOnlyItsHolderReleasesIt() {
        assertTrue(grants.grant("a", 0));
        grants.release("b");
        assertFalse(grants.grant("b", MS), "b cannot release a's grant");
        grants.release("a");
        assertTrue(grants.grant("b", 2 * MS));
    }
}
