package dev.multinode.examples.cluster.singleton;

import static dev.multinode.examples.cluster.membership.MemberStatus.DOWN;
import static dev.multinode.examples.cluster.membership.MemberStatus.REMOVED;
import static dev.multinode.examples.cluster.membership.MemberStatus.UNREACHABLE;
import static dev.multinode.examples.cluster.membership.MemberStatus.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SingletonLocationTest {

    private static ClusterView oldestIs(MemberStatus status) {
        return ClusterView.of(List.of(new Member("a", 0, status, 1, 3), new Member("b", 0, UP, 2, 2)));
    }

    @Test
    void theOldestUpMemberHostsAndEveryoneSendsThere() {
        assertTrue(SingletonLocation.runsOn(oldestIs(UP), "a"));
        assertFalse(SingletonLocation.runsOn(oldestIs(UP), "b"));
        assertEquals(Optional.of("a"), SingletonLocation.target(oldestIs(UP), "b"));
        assertEquals(Optional.of("a"), SingletonLocation.target(oldestIs(UP), "a"));
    }

    @Test
    void anUnreachableOldestKeepsItsInstanceButOthersWait() {
        assertTrue(SingletonLocation.runsOn(oldestIs(UNREACHABLE), "a"), "a does not stop because others lost it");
        assertFalse(SingletonLocation.runsOn(oldestIs(UNREACHABLE), "b"), "b does not start before a is removed");
        assertEquals(Optional.empty(), SingletonLocation.target(oldestIs(UNREACHABLE), "b"));
        assertEquals(Optional.of("a"), SingletonLocation.target(oldestIs(UNREACHABLE), "a"));
    }

    @Test
    void aDownOldestStopsAndNobodyTakesOverUntilItIsRemoved() {
        assertFalse(SingletonLocation.runsOn(oldestIs(DOWN), "a"));
        assertFalse(SingletonLocation.runsOn(oldestIs(DOWN), "b"));
        assertEquals(Optional.empty(), SingletonLocation.target(oldestIs(DOWN), "b"));
        assertTrue(SingletonLocation.runsOn(oldestIs(REMOVED), "b"));
        assertEquals(Optional.of("b"), SingletonLocation.target(oldestIs(REMOVED), "a"));
    }

    @Test
    void withoutAnyMemberUpThereIsNoHost() {
        ClusterView joining = ClusterView.of(List.of(Member.joining("a", 0)));
        assertFalse(SingletonLocation.runsOn(joining, "a"));
        assertEquals(Optional.empty(), SingletonLocation.target(joining, "a"));
    }
}
