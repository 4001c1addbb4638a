package dev.multinode.examples.cluster.failure;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import java.time.Duration;

/**
 * Sends a heartbeat to every other member each interval, and applies the {@link HeartbeatTracker}'s
 * verdicts to the membership. Runs on the cluster scheduler.
 *
 * <p>Two rules keep a node that was frozen (paused, or stalled by a long GC) from harming the
 * others when it runs again: a tick that comes more than {@code unreachableAfter} after the previous
 * one means this node was not running, so the silence it saw proves nothing and every member counts
 * as heard now; and the leader downs members only while the members it can reach are a majority of
 * those not down or removed, so a node cut off from the rest cannot down them.
 */
public final class FailureDetector {

    private final Messaging messaging;
    private final Membership membership;
    private final Duration heartbeatInterval;
    private final long unreachableAfterNanos;
    private final HeartbeatTracker tracker;
    private Cancellable timer = () -> { };
    private long lastTick;

    /**
     * @param messaging         this node's messaging
     * @param membership        this node's membership
     * @param heartbeatInterval the time between heartbeats
     * @param unreachableAfter  silence after which a member is unreachable
     * @param downAfter         further silence after which the leader downs it
     */
    public FailureDetector(Messaging messaging, Membership membership, Duration heartbeatInterval,
                           Duration unreachableAfter, Duration downAfter) {
        this.messaging = messaging;
        this.membership = membership;
        this.heartbeatInterval = heartbeatInterval;
        this.unreachableAfterNanos = unreachableAfter.toNanos();
        this.tracker = new HeartbeatTracker(unreachableAfter, downAfter);
        messaging.handle(Heartbeat.class, (from, heartbeat) -> onHeartbeat(from));
    }

    /** Starts sending heartbeats and judging members. */
    public void start() {
        lastTick = messaging.scheduler().nanoTime();
        timer = messaging.scheduler().scheduleRepeatedly(heartbeatInterval, this::tick);
    }

    /** Stops. */
    public void stop() {
        timer.cancel();
    }

    private void onHeartbeat(String from) {
        if (membership.view().isMember(from)) {
            tracker.heard(from, messaging.scheduler().nanoTime());
        }
    }

    private void tick() {
        if (!membership.isActive()) {
            return;
        }
        ClusterView view = membership.view();
        String self = messaging.self();
        long now = messaging.scheduler().nanoTime();
        if (now - lastTick > unreachableAfterNanos) {
            messaging.log().warn("this node did not run for {} ms; it counts every member as heard now",
                    (now - lastTick) / 1_000_000);
            tracker.heardAll(now);
        }
        lastTick = now;
        boolean mayDown = view.leader().map(Member::role).filter(self::equals).isPresent() && reachesMajority(view);
        Heartbeat heartbeat = new Heartbeat();
        for (Member member : view.members()) {
            if (member.role().equals(self)) {
                continue;
            }
            if (member.status() == MemberStatus.REMOVED) {
                tracker.forget(member.role());
                continue;
            }
            if (member.status() != MemberStatus.DOWN) {
                messaging.send(member.role(), heartbeat);
            }
            apply(tracker.judge(member, now, mayDown), member.role());
        }
    }

    private static boolean reachesMajority(ClusterView view) {
        long voting = view.members().stream().filter(m -> !m.status().isTerminal()).count();
        long reachable = view.members().stream()
                .filter(m -> m.status() == MemberStatus.UP || m.status() == MemberStatus.JOINING).count();
        return reachable * 2 > voting;
    }

    private void apply(Verdict verdict, String role) {
        switch (verdict) {
            case UNREACHABLE -> membership.markUnreachable(role);
            case REACHABLE -> membership.markReachable(role);
            case DOWN -> membership.down(role);
            case NONE -> { }
        }
    }
}
