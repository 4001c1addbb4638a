package dev.multinode.runtime.node;

import dev.multinode.Direction;
import dev.multinode.Faults;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A node's {@link Faults}: checks the arguments, asks the conductor, and waits until the conductor
 * reports the fault in force on every node concerned.
 */
final class FaultsClient implements Faults {

    /** How long a fault call waits for the conductor's answer, outside a debug run. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    private final NodeControl control;
    private final ConductorLink link;
    private final Participants participants;
    private final PauseGate gate;
    private final AtomicLong requestIds = new AtomicLong();
    private final PendingAnswers<Long, String> pending;
    private final Duration answerBound;
    private final Logger log;

    /**
     * @param answerBound how long a call waits for the conductor's answer
     * @param scheduler   what that wait parks with
     */
    FaultsClient(NodeControl control, ConductorLink link, Participants participants, PauseGate gate, Duration answerBound,
                 Scheduler scheduler, Logger log) {
        this.log = log;
        this.answerBound = answerBound;
        this.control = control;
        this.link = link;
        this.participants = participants;
        this.gate = gate;
        this.pending = new PendingAnswers<>(control, scheduler);
    }

    @Override
    public void kill(String role) {
        request(FaultKind.KILL, List.of(known(role)), List.of(), Direction.BOTH, 0, 0);
    }

    @Override
    public void restart(String role) {
        restart(role, Duration.ZERO);
    }

    @Override
    public void restart(String role, Duration downtime) {
        if (downtime == null || downtime.isNegative()) {
            throw new IllegalArgumentException("restart(" + role + ", " + downtime
                    + "): the downtime must be zero or positive");
        }
        request(FaultKind.RESTART, List.of(notSelf("restart", role)), List.of(), Direction.BOTH, downtime.toNanos(), 0);
    }

    @Override
    public void pause(String role) {
        request(FaultKind.PAUSE, List.of(notSelf("pause", role)), List.of(), Direction.BOTH, 0, 0);
    }

    @Override
    public void resume(String role) {
        request(FaultKind.RESUME, List.of(known(role)), List.of(), Direction.BOTH, 0, 0);
    }

    @Override
    public void skewClock(String role, Duration offset) {
        if (offset == null) {
            throw new IllegalArgumentException("skewClock(" + role + ", null): the offset must be a duration");
        }
        request(FaultKind.SKEW_CLOCK, List.of(known(role)), List.of(), Direction.BOTH, offset.toNanos(), 0);
    }

    @Override
    public void driftClock(String role, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("driftClock(" + role + ", " + rate
                    + "): the rate must be a positive finite number (1 is true time)");
        }
        request(FaultKind.DRIFT_CLOCK, List.of(known(role)), List.of(), Direction.BOTH, 0, rate);
    }

    @Override
    public void shutdown(String role) {
        request(FaultKind.SHUTDOWN, List.of(known(role)), List.of(), Direction.BOTH, 0, 0);
    }

    @Override
    public void blackhole(String from, String to, Direction direction) {
        link(from, to);
        request(FaultKind.BLACKHOLE, List.of(from), List.of(to), direction(direction), 0, 0);
    }

    @Override
    public void passThrough(String from, String to, Direction direction) {
        link(from, to);
        request(FaultKind.PASS_THROUGH, List.of(from), List.of(to), direction(direction), 0, 0);
    }

    @Override
    public void partition(Set<String> side1, Set<String> side2) {
        if (side1.isEmpty() || side2.isEmpty()) {
            throw new IllegalArgumentException("A partition needs two non-empty sides, got " + side1 + " and " + side2);
        }
        for (String role : side1) {
            if (side2.contains(role)) {
                throw new IllegalArgumentException("Role '" + role + "' is on both sides of the partition " + side1 + " / " + side2);
            }
        }
        side1.forEach(this::known);
        side2.forEach(this::known);
        request(FaultKind.PARTITION, side1, side2, Direction.BOTH, 0, 0);
    }

    @Override
    public void heal() {
        request(FaultKind.HEAL, List.of(), List.of(), Direction.BOTH, 0, 0);
    }

    @Override
    public void delay(String from, String to, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay(" + from + ", " + to + ", " + delay
                    + "): the delay must be zero or positive");
        }
        link(from, to);
        request(FaultKind.DELAY, List.of(from), List.of(to), Direction.SEND, delay.toNanos(), 0);
    }

    @Override
    public void drop(String from, String to, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("drop(" + from + ", " + to + ", " + probability
                    + "): the probability must be between 0 and 1");
        }
        link(from, to);
        request(FaultKind.DROP, List.of(from), List.of(to), Direction.SEND, 0, probability);
    }

    @Override
    public void disconnect(String from, String to) {
        link(from, to);
        request(FaultKind.DISCONNECT, List.of(from), List.of(to), Direction.SEND, 0, 0);
    }

    @Override
    public void bandwidth(String from, String to, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidth(" + from + ", " + to + ", " + bytesPerSecond
                    + "): the limit must be a positive number of bytes per second (heal() removes a limit)");
        }
        link(from, to);
        request(FaultKind.BANDWIDTH, List.of(from), List.of(to), Direction.SEND, bytesPerSecond, 0);
    }

    /** Called by the receiver thread when the conductor answers; a notice goes to the node's log. */
    void answered(long requestId, String refusal, String notice) {
        if (!notice.isEmpty()) {
            log.warn("{}: {}", control.role(), notice);
        }
        pending.answered(requestId, refusal);
    }

    private void request(FaultKind kind, Collection<String> side1, Collection<String> side2, Direction direction, long nanos,
                         double probability) {
        gate.pass();
        control.checkNotAborted();
        long id = requestIds.incrementAndGet();
        CompletableFuture<String> answer = pending.expect(id);
        link.sendFaultRequest(id, kind, direction, nanos, probability, side1, side2);
        String refusal = pending.await(id, answer, answerBound, "while waiting for a fault to take effect",
                () -> "The conductor did not confirm " + kind.apiName() + side1 + (side2.isEmpty() ? "" : " / " + side2)
                        + " within " + answerBound.toSeconds() + " s");
        if (!refusal.isEmpty()) {
            throw new IllegalArgumentException(refusal);
        }
    }

    private void link(String from, String to) {
        known(from);
        known(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("A link needs two different roles, got '" + from + "' twice");
        }
    }

    private static Direction direction(Direction direction) {
        if (direction == null) {
            throw new IllegalArgumentException("direction is null: accepted are SEND, RECEIVE, BOTH");
        }
        return direction;
    }

    /** A node cannot restart or pause itself: the call would never return to confirm it. */
    private String notSelf(String operation, String role) {
        known(role);
        if (participants.isSelf(role)) {
            throw new IllegalArgumentException(operation + "(" + role + ") called by " + role + " itself: its body would be "
                    + (operation.equals("pause") ? "frozen" : "killed") + " before the call returns; call it from another node");
        }
        return role;
    }

    private String known(String role) {
        participants.indexOf(role);
        return role;
    }
}
