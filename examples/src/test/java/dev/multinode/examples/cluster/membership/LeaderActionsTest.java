package dev.multinode.examples.cluster.membership;

import static dev.multinode.examples.cluster.membership.MemberStatus.DOWN;
import static dev.multinode.examples.cluster.membership.MemberStatus.REMOVED;
import static dev.multinode.examples.cluster.membership.MemberStatus.UNREACHABLE;
import static dev.multinode.examples.cluster.membership.MemberStatus.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderActionsTest {

    @Test
    void joiningMembersMoveUpInRoleOrderAfterEveryNumberEverGiven() {
        ClusterView view = ClusterView.of(List.of(new Member("a", 0, UP, 1, 2), new Member("old", 0, REMOVED, 4, 9),
                Member.joining("d", 0), Member.joining("c", 0)));
        ClusterView after = LeaderActions.apply(view);
        assertEquals(new Member("c", 0, UP, 5, 2), after.member("c").orElseThrow());
        assertEquals(new Member("d", 0, UP, 6, 2), after.member("d").orElseThrow());
    }

    @Test
    void downMembersAreRemovedAndUnreachableOnesStay() {
        ClusterView view = ClusterView.of(List.of(new Member("a", 0, UP, 1, 2), new Member("b", 0, DOWN, 2, 4),
                new Member("c", 0, UNREACHABLE, 3, 3)));
        ClusterView after = LeaderActions.apply(view);
        assertEquals(new Member("b", 0, REMOVED, 2, 5), after.member("b").orElseThrow());
        assertEquals(new Member("c", 0, UNREACHABLE, 3, 3), after.member("c").orElseThrow());
    }

    @Test
    void nothingToDoKeepsTheView() {
        ClusterView view = ClusterView.of(List.of(new Member("a", 0, UP, 1, 2)));
        assertSame(view, LeaderActions.apply(view));
    }
}
