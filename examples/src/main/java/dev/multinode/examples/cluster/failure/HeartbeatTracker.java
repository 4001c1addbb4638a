package dev.multinode.examples.cluster.failure;

import dev.multinode.examples.cluster.membership.Member;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When each member was last heard, and the {@link Verdict} that follows at a given instant. Pure
 * bookkeeping: the caller supplies the clock, so the decisions are testable without time passing.
 */
public final class HeartbeatTracker {

    private final long unreachableAfterNanos;
    private final long downAfterNanos;
    private final Map<String, Long> lastHeard = new HashMap<>();

    /**
     * @param unreachableAfter silence after which a member is unreachable
     * @param downAfter        further silence after which the leader downs it
     */
    public HeartbeatTracker(Duration unreachableAfter, Duration downAfter) {
        this.unreachableAfterNanos = unreachableAfter.toNanos();
        this.downAfterNanos = downAfter.toNanos();
    }

    /**
     * Records a heartbeat.
     *
     * @param role the member heard
     * @param now  the current time, in nanoseconds
     */
    public void heard(String role, long now) {
        lastHeard.put(role, now);
    }

    /**
     * Counts every member as heard now: after this node itself was frozen (a pause, a long GC), the
     * silence it measured was its own, not the members'.
     *
     * @param now the current time, in nanoseconds
     */
    public void heardAll(long now) {
        lastHeard.replaceAll((role, heard) -> now);
    }

    /**
     * Forgets a member, e.g. once it is removed.
     *
     * @param role the member
     */
    public void forget(String role) {
        lastHeard.remove(role);
    }

    /**
     * Judges a member. A member never heard before counts as heard now, which gives a new member a
     * full period to send its first heartbeat.
     *
     * @param member   the member's entry in this node's view
     * @param now      the current time, in nanoseconds
     * @param mayDown  whether this node may down members: it leads and reaches a majority
     * @return the verdict
     */
    public Verdict judge(Member member, long now, boolean mayDown) {
        long silence = now - lastHeard.computeIfAbsent(member.role(), r -> now);
        return switch (member.status()) {
            case JOINING, UP -> silence > unreachableAfterNanos ? Verdict.UNREACHABLE : Verdict.NONE;
            case UNREACHABLE -> silence <= unreachableAfterNanos ? Verdict.REACHABLE
                    : mayDown && silence > unreachableAfterNanos + downAfterNanos ? Verdict.DOWN : Verdict.NONE;
            case DOWN, REMOVED -> Verdict.NONE;
        };
    }
}
