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
        ClusterView view = ClusterView.of(List.of(new Member("a", UP, 1, 2), new Member("old", REMOVED, 4, 9),
                Member.joining("d"), Member.joining("c")));
        ClusterView after = LeaderActions.apply(view);
        assertEquals(new Member("c", UP, 5, 2), after.member("c").orElseThrow());
        assertEquals(new Member("d", UP, 6, 2), after.member("d").orElseThrow());
    }

    @Test
    void downMembersAreRemovedAndUnreachableOnesStay() {
        ClusterView view = ClusterView.of(List.of(new Member("a", UP, 1, 2), new Member("b", DOWN, 2, 4),
                new Member("c", UNREACHABLE, 3, 3)));
        ClusterView after = LeaderActions.apply(view);
        assertEquals(new Member("b", REMOVED, 2, 5), after.member("b").orElseThrow());
        assertEquals(new Member("c", UNREACHABLE, 3, 3), after.member("c").orElseThrow());
    }

    @Test
    void nothingToDoKeepsTheView() {
        ClusterView view = ClusterView.of(List.of(new Member("a", UP, 1, 2)));
        assertSame(view, LeaderActions.apply(view));
    }
}
