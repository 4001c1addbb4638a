package dev.multinode.examples.cluster.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTrackerTest {

    private static final long MS = 1_000_000L;
    private static final Member UP = new Member("b", 0, MemberStatus.UP, 2, 2);
    private static final Member UNREACHABLE = new Member("b", 0, MemberStatus.UNREACHABLE, 2, 3);

    private final HeartbeatTracker tracker = new HeartbeatTracker(Duration.ofMillis(500), Duration.ofMillis(500));

    @Test
    void aMemberNeverHeardGetsAFullPeriodFromFirstSight() {
        assertEquals(Verdict.NONE, tracker.judge(UP, 1000 * MS, false));
        assertEquals(Verdict.NONE, tracker.judge(UP, 1500 * MS, false));
        assertEquals(Verdict.UNREACHABLE, tracker.judge(UP, 1501 * MS, false));
    }

    @Test
    void silenceBeyondTheThresholdMakesAMemberUnreachable() {
        tracker.heard("b", 0);
        assertEquals(Verdict.NONE, tracker.judge(UP, 500 * MS, false));
        assertEquals(Verdict.UNREACHABLE, tracker.judge(UP, 501 * MS, false));
        assertEquals(Verdict.UNREACHABLE, tracker.judge(Member.joining("b", 0), 501 * MS, false));
    }

    @Test
    void anUnreachableMemberHeardAgainIsReachable() {
        tracker.heard("b", 0);
        tracker.heard("b", 700 * MS);
        assertEquals(Verdict.REACHABLE, tracker.judge(UNREACHABLE, 800 * MS, false));
    }

    @Test
    void onlyTheLeaderDownsAndOnlyAfterTheFurtherPeriod() {
        tracker.heard("b", 0);
        assertEquals(Verdict.NONE, tracker.judge(UNREACHABLE, 1000 * MS, true));
        assertEquals(Verdict.DOWN, tracker.judge(UNREACHABLE, 1001 * MS, true));
        assertEquals(Verdict.NONE, tracker.judge(UNREACHABLE, 5000 * MS, false));
    }

    @Test
    void downAndRemovedMembersAreLeftAlone() {
        tracker.heard("b", 0);
        assertEquals(Verdict.NONE, tracker.judge(new Member("b", 0, MemberStatus.DOWN, 2, 4), 9000 * MS, true));
        assertEquals(Verdict.NONE, tracker.judge(new Member("b", 0, MemberStatus.REMOVED, 2, 5), 9000 * MS, true));
    }

    @Test
    void aForgottenMemberStartsAfresh() {
        tracker.heard("b", 0);
        tracker.forget("b");
        assertEquals(Verdict.NONE, tracker.judge(UP, 2000 * MS, false));
    }
}
