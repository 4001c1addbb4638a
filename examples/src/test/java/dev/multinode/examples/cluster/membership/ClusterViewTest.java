package dev.multinode.examples.cluster.membership;

import static dev.multinode.examples.cluster.membership.MemberStatus.DOWN;
import static dev.multinode.examples.cluster.membership.MemberStatus.JOINING;
import static dev.multinode.examples.cluster.membership.MemberStatus.REMOVED;
import static dev.multinode.examples.cluster.membership.MemberStatus.UNREACHABLE;
import static dev.multinode.examples.cluster.membership.MemberStatus.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

    private static ClusterView view(Member... members) {
        return ClusterView.of(List.of(members));
    }

    @Test
    void theOldestIsTheLowestUpNumberNotRemovedEvenIfUnreachableOrDown() {
        ClusterView view = view(new Member("a", 0, REMOVED, 1, 5), new Member("c", 0, UNREACHABLE, 2, 3),
                new Member("b", 0, UP, 3, 2), new Member("d", 0, JOINING, 0, 1));
        assertEquals("c", view.oldest().orElseThrow().role());
        assertEquals("c", view.with(new Member("c", 0, DOWN, 2, 4)).oldest().orElseThrow().role());
        assertEquals("b", view.with(new Member("c", 0, REMOVED, 2, 5)).oldest().orElseThrow().role());
    }

    @Test
    void theLeaderIsTheOldestUpMember() {
        ClusterView view =
                view(new Member("a", 0, UNREACHABLE, 1, 3), new Member("b", 0, UP, 2, 2), new Member("c", 0, UP, 3, 2));
        assertEquals("b", view.leader().orElseThrow().role());
        assertEquals(Optional.empty(), view(Member.joining("x", 0)).leader());
    }

    @Test
    void upMembersAreOrderedByAge() {
        ClusterView view = view(new Member("a", 0, UP, 3, 2), new Member("b", 0, UP, 1, 2), new Member("c", 0, UP, 2, 2));
        assertEquals(List.of("b", "c", "a"), view.upMembers().stream().map(Member::role).toList());
    }

    @Test
    void mergeTakesTheWinningEntryOfEachMember() {
        ClusterView mine = view(new Member("a", 0, UP, 1, 2), new Member("b", 0, JOINING, 0, 1));
        ClusterView theirs = view(new Member("b", 0, UP, 2, 2), new Member("c", 0, JOINING, 0, 1));
        ClusterView merged = mine.merge(theirs);
        assertEquals(view(new Member("a", 0, UP, 1, 2), new Member("b", 0, UP, 2, 2), new Member("c", 0, JOINING, 0, 1)),
                merged);
        assertEquals(merged, theirs.merge(mine));
    }

    @Test
    void membershipQueriesIgnoreRemovedEntries() {
        ClusterView view = view(new Member("a", 0, UP, 1, 2), new Member("b", 0, REMOVED, 2, 5));
        assertTrue(view.isMember("a"));
        assertFalse(view.isMember("b"));
        assertFalse(view.isMember("z"));
        assertEquals(List.of("a"), view.activeRoles());
        assertEquals(2, view.maxUpNumber());
    }

    @Test
    void toStringShowsStatusesAndUpNumbers() {
        assertEquals("[a UP #1, b JOINING]", view(new Member("a", 0, UP, 1, 2), Member.joining("b", 0)).toString());
    }
}
