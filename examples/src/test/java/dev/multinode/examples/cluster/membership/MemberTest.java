package dev.multinode.examples.cluster.membership;

import static dev.multinode.examples.cluster.membership.MemberStatus.DOWN;
import static dev.multinode.examples.cluster.membership.MemberStatus.JOINING;
import static dev.multinode.examples.cluster.membership.MemberStatus.REMOVED;
import static dev.multinode.examples.cluster.membership.MemberStatus.UNREACHABLE;
import static dev.multinode.examples.cluster.membership.MemberStatus.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberTest {

    @Test
    void theHigherVersionWins() {
        Member older = new Member("b", 0, UP, 2, 3);
        Member newer = new Member("b", 0, UNREACHABLE, 2, 4);
        assertEquals(newer, older.merge(newer));
        assertEquals(newer, newer.merge(older));
    }

    @Test
    void removedAndDownBeatAnyVersion() {
        Member down = new Member("b", 0, DOWN, 2, 3);
        Member reachableAgain = new Member("b", 0, UP, 2, 10);
        assertEquals(down, reachableAgain.merge(down));
        Member removed = new Member("b", 0, REMOVED, 2, 4);
        assertEquals(removed, new Member("b", 0, DOWN, 2, 20).merge(removed));
    }

    @Test
    void onEqualVersionsTheLaterStatusWins() {
        assertEquals(UNREACHABLE, new Member("b", 0, UP, 2, 5).merge(new Member("b", 0, UNREACHABLE, 2, 5)).status());
    }

    @Test
    void theUpNumberSurvivesAMergeWithAnEntryThatNeverSawIt() {
        Member promoted = new Member("b", 0, UP, 3, 2);
        Member markedUnreachableWhileJoining = new Member("b", 0, UNREACHABLE, 0, 2);
        Member merged = promoted.merge(markedUnreachableWhileJoining);
        assertEquals(new Member("b", 0, UNREACHABLE, 3, 2), merged);
    }

    @Test
    void mergeIsCommutativeAssociativeAndIdempotent() {
        List<Member> all = new ArrayList<>();
        for (MemberStatus status : MemberStatus.values()) {
            for (int up = 0; up <= 2; up++) {
                for (long version = 1; version <= 3; version++) {
                    all.add(new Member("x", 0, status, up, version));
                }
            }
        }
        for (Member a : all) {
            assertEquals(a, a.merge(a));
            for (Member b : all) {
                assertEquals(a.merge(b), b.merge(a));
                for (Member c : all) {
                    assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
                }
            }
        }
    }

    @Test
    void transitionsBumpTheVersion() {
        Member joining = Member.joining("c", 0);
        assertEquals(new Member("c", 0, JOINING, 0, 1), joining);
        assertEquals(new Member("c", 0, UP, 4, 2), joining.up(4));
        assertEquals(new Member("c", 0, UNREACHABLE, 4, 3), joining.up(4).withStatus(UNREACHABLE));
    }

    @Test
    void aNewIncarnationReplacesTheOldOneWhateverTheOldOnesStatusVersionOrUpNumber() {
        Member removed = new Member("c", 0, REMOVED, 3, 9);
        Member rejoining = Member.joining("c", 1);
        assertEquals(rejoining, removed.merge(rejoining));
        assertEquals(rejoining, rejoining.merge(removed));
        assertEquals(rejoining, new Member("c", 0, UP, 3, 40).merge(rejoining), "its up-number is not inherited");
    }

    @Test
    void entriesOfDifferentMembersDoNotMerge() {
        assertThrows(IllegalArgumentException.class, () -> Member.joining("a", 0).merge(Member.joining("b", 0)));
    }

    @Test
    void invalidEntriesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Member("a", 0, UP, -1, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Member("", 0, UP, 1, 1));
    }
}
