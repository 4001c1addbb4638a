package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The conductor's side of faults: turns a node's request into one application per node that must
 * act, and answers the requester once every one of them confirmed. Runs on the conductor's thread.
 */
final class FaultCoordinator {

    /** What a request waits for. */
    static final class Pending {
        final NodeState requester;
        final long requestId;
        final Set<Long> unconfirmed = new HashSet<>();
        final Runnable whenInForce;
        final boolean answerWhenInForce;

        Pending(NodeState requester, long requestId, Runnable whenInForce) {
            this(requester, requestId, whenInForce, true);
        }

        Pending(NodeState requester, long requestId, Runnable whenInForce, boolean answerWhenInForce) {
            this.requester = requester;
            this.requestId = requestId;
            this.whenInForce = whenInForce;
            this.answerWhenInForce = answerWhenInForce;
        }
    }

    private final Conductor conductor;
    private final NodeRoster participants;
    private final RunEvents events;
    private final ByteBuffer outgoing;
    private final Map<Long, Pending> byApplication = new HashMap<>();
    private final FaultMemory memory;
    private final NodeRestarts restarts;
    private final NodePauses pauses;
    private Consumer<String> processKiller;
    private long nextApplyId;

    FaultCoordinator(Conductor conductor, NodeRoster participants, RunEvents events, BarrierCoordinator barriers,
                     ConductorTimers timers, int frameSize) {
        this.conductor = conductor;
        this.participants = participants;
        this.events = events;
        this.outgoing = ByteBuffer.allocate(frameSize);
        this.memory = new FaultMemory(participants.all().size());
        this.restarts = new NodeRestarts(this, conductor, participants, events, barriers, timers);
        this.pauses = new NodePauses(this, participants, events, barriers);
    }

    /** In process mode, kills a node's JVM with SIGKILL and returns once it is dead. */
    void processKiller(Consumer<String> killer) {
        this.processKiller = killer;
    }

    /** @return the restarts of nodes, which a new incarnation's hello completes */
    NodeRestarts restarts() {
        return restarts;
    }

    /** @return the pauses of nodes */
    NodePauses pauses() {
        return pauses;
    }

    void onRequest(NodeState requester, FaultRequestMessage request) {
        long requestId = request.requestId();
        FaultKind kind = request.kind();
        Direction direction = request.direction();
        long nanos = request.delayNanos();
        double probability = request.probability();
        List<String> side1 = request.side1();
        List<String> side2 = request.side2();
        String description = describe(kind, side1, side2, direction, nanos, probability);
        for (String role : concat(side1, side2)) {
            if (participants.byRole(role).isGone()) {
                answer(requester, requestId, "Cannot apply " + description + ": " + role + " is already "
                        + participants.byRole(role).whereabouts());
                return;
            }
        }
        events.record(EventKind.FAULT, requester.role, "fault requested: " + description);
        switch (kind) {
            case KILL, SHUTDOWN -> {
                NodeState victim = participants.byRole(side1.get(0));
                Phase phase = kind == FaultKind.KILL ? Phase.KILLED : Phase.SHUT_DOWN;
                removeNode(new Pending(requester, requestId, () -> conductor.removed(victim, phase)), kind, victim);
            }
            case RESTART -> restarts.restart(requester, requestId, participants.byRole(side1.get(0)), nanos);
            case PAUSE -> pauses.pause(requester, requestId, participants.byRole(side1.get(0)));
            case RESUME -> pauses.resume(requester, requestId, participants.byRole(side1.get(0)));
            case BLACKHOLE, PASS_THROUGH, DELAY, DROP -> {
                Pending pending = new Pending(requester, requestId,
                        () -> events.record(EventKind.FAULT, null, "in force: " + description));
                apply(pending, participants.byRole(side1.get(0)), kind, participants.byRole(side2.get(0)).participant,
                        direction, nanos, probability);
                complete(pending);
            }
            case PARTITION -> partition(requester, requestId, side1, side2);
            case HEAL -> {
                Pending pending = new Pending(requester, requestId,
                        () -> events.record(EventKind.FAULT, null, "in force: heal"));
                for (NodeState node : participants.all()) {
                    if (!node.isGone()) {
                        apply(pending, node, FaultKind.HEAL, 0, Direction.BOTH, 0, 0);
                    }
                }
                complete(pending);
            }
            case PEER_GONE, PEER_BACK -> answer(requester, requestId, kind.apiName() + " is applied by the conductor, not requested");
            case SKEW_CLOCK, DRIFT_CLOCK -> changeClock(requester, requestId, kind, participants.byRole(side1.get(0)), nanos,
                    probability);
        }
    }

    /**
     * A kill cuts the victim off everywhere at once: in process mode its JVM dies first; otherwise
     * the victim isolates itself and closes its resources as killed before it confirms. A graceful
     * shutdown first lets the victim close its resources, which may still talk to the others, and
     * only then cuts it off. {@code cutOff} runs and answers once the victim is cut off everywhere.
     */
    void removeNode(Pending cutOff, FaultKind kind, NodeState victim) {
        victim.removing = true;
        if (kind == FaultKind.KILL) {
            if (processKiller != null) {
                processKiller.accept(victim.role);
            } else {
                apply(cutOff, victim, kind, victim.participant, Direction.BOTH, 0, 0);
            }
            cutOffFromOthers(cutOff, victim);
            return;
        }
        Pending stopped = new Pending(cutOff.requester, cutOff.requestId, () -> cutOffFromOthers(cutOff, victim), false);
        apply(stopped, victim, kind, victim.participant, Direction.BOTH, 0, 0);
        complete(stopped);
    }

    /**
     * A new incarnation gets the faults its role's last incarnation had in force (link faults since
     * the last heal, the clock), and every other node accepts its traffic again.
     */
    void welcomeBack(Pending pending, NodeState node) {
        for (FaultMemory.Remembered fault : memory.of(node)) {
            send(pending, node, fault.kind(), fault.peer(), fault.direction(), fault.nanos(), fault.probability());
        }
        for (NodeState other : participants.all()) {
            if (other != node && !other.isGone()) {
                apply(pending, other, FaultKind.PEER_BACK, node.participant, Direction.BOTH, 0, 0);
            }
        }
    }

    private void cutOffFromOthers(Pending pending, NodeState victim) {
        for (NodeState node : participants.all()) {
            if (node != victim && !node.isGone()) {
                apply(pending, node, FaultKind.PEER_GONE, victim.participant, Direction.BOTH, 0, 0);
            }
        }
        complete(pending);
    }

    private void partition(NodeState requester, long requestId, List<String> roles1, List<String> roles2) {
        Pending pending = new Pending(requester, requestId,
                () -> events.record(EventKind.FAULT, null, "in force: partition " + roles1 + " / " + roles2));
        for (String role1 : roles1) {
            for (String role2 : roles2) {
                NodeState a = participants.byRole(role1);
                NodeState b = participants.byRole(role2);
                apply(pending, a, FaultKind.BLACKHOLE, b.participant, Direction.BOTH, 0, 0);
                apply(pending, b, FaultKind.BLACKHOLE, a.participant, Direction.BOTH, 0, 0);
            }
        }
        complete(pending);
    }

    /** A clock is the target's alone: one application to it, recorded as the clock's change once in force. */
    private void changeClock(NodeState requester, long requestId, FaultKind kind, NodeState target, long offsetNanos,
                             double rate) {
        String change = kind == FaultKind.SKEW_CLOCK
                ? "clock skewed by " + offsetNanos / 1_000_000 + " ms"
                : "clock drifts at rate " + rate;
        Pending pending = new Pending(requester, requestId, () -> events.record(EventKind.CLOCK, target.role, change));
        apply(pending, target, kind, target.participant, Direction.BOTH, offsetNanos, rate);
        complete(pending);
    }

    void onApplied(long applyId) {
        Pending pending = byApplication.remove(applyId);
        if (pending != null) {
            pending.unconfirmed.remove(applyId);
            complete(pending);
        }
    }

    /** Sends one application and remembers it for the target's next incarnation. */
    void apply(Pending pending, NodeState target, FaultKind kind, int peer, Direction direction, long nanos,
               double probability) {
        memory.applied(target, kind, peer, direction, nanos, probability);
        send(pending, target, kind, peer, direction, nanos, probability);
    }

    /**
     * A node whose JVM is frozen cannot confirm until it is continued, and does nothing meanwhile:
     * its application waits in its inbox, comes into force first thing after the resume, and is
     * not waited for, so that no fault call blocks on a paused node.
     */
    private void send(Pending pending, NodeState target, FaultKind kind, int peer, Direction direction, long nanos,
                      double probability) {
        long applyId = ++nextApplyId;
        if (!pauses.isFrozen(target)) {
            pending.unconfirmed.add(applyId);
            byApplication.put(applyId, pending);
        }
        participants.send(target, FaultApplyMessage.TYPE,
                FaultApplyMessage.write(outgoing, applyId, kind, peer, direction, nanos, probability));
    }

    void complete(Pending pending) {
        if (pending.unconfirmed.isEmpty()) {
            pending.whenInForce.run();
            if (pending.answerWhenInForce) {
                answer(pending.requester, pending.requestId, "");
            }
        }
    }

    void answer(NodeState requester, long requestId, String refusal) {
        participants.send(requester, FaultDoneMessage.TYPE, FaultDoneMessage.write(outgoing, requestId, refusal));
    }

    private static String describe(FaultKind kind, List<String> side1, List<String> side2, Direction direction, long nanos,
                                   double probability) {
        String roles = kind == FaultKind.PARTITION ? side1 + " / " + side2 : String.valueOf(concat(side1, side2));
        String detail = switch (kind) {
            case BLACKHOLE, PASS_THROUGH -> " " + direction;
            case DELAY, SKEW_CLOCK -> " by " + nanos / 1_000_000 + " ms";
            case DRIFT_CLOCK -> " at rate " + probability;
            case RESTART -> nanos == 0 ? "" : " after " + nanos / 1_000_000 + " ms down";
            case DROP -> " with probability " + probability;
            default -> "";
        };
        return kind.apiName() + roles + detail;
    }

    private static List<String> concat(List<String> side1, List<String> side2) {
        List<String> roles = new ArrayList<>(side1);
        roles.addAll(side2);
        return roles;
    }
}
