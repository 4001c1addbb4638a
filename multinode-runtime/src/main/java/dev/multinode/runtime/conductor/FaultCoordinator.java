package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.DirectoryKeys;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        /** Per link fault's link (its two nodes), whether either end's application found traffic of the system on it. */
        final Map<Set<String>, Boolean> linkTouched = new LinkedHashMap<>();

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
    private final Map<Long, Set<String>> linkOfApplication = new HashMap<>();
    private final FaultMemory memory;
    private final NodeRestarts restarts;
    private final NodePauses pauses;
    private final SharedDirectory directory;
    private Consumer<String> processKiller;
    private long nextApplyId;

    FaultCoordinator(Conductor conductor, NodeRoster participants, RunEvents events, BarrierCoordinator barriers,
                     ConductorTimers timers, SharedDirectory directory, int frameSize) {
        this.conductor = conductor;
        this.directory = directory;
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
            case BLACKHOLE, PASS_THROUGH, DELAY, DROP, BANDWIDTH, DISCONNECT -> {
                NodeState from = participants.byRole(side1.get(0));
                NodeState to = participants.byRole(side2.get(0));
                if (kind == FaultKind.DROP && isRelayed(from, to)) {
                    answer(requester, requestId, "Cannot apply " + description + ": the link is relayed (a connection of "
                            + "the system under test between " + from.role + " and " + to.role + " goes through a fault "
                            + "relay), and dropping bytes has no meaning for a byte stream; drop applies to frames only. "
                            + "Use delay, bandwidth, blackhole or disconnect on a relayed link");
                    return;
                }
                Pending pending = new Pending(requester, requestId,
                        () -> events.record(EventKind.FAULT, null, "in force: " + description));
                applyToLink(pending, from, kind, to, direction, nanos, probability);
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
            case PEER_GONE, PEER_BACK, PEER_BLACKHOLE, PEER_PASS_THROUGH, PEER_DELAY, PEER_BANDWIDTH, PEER_DISCONNECT -> answer(requester, requestId, kind.apiName() + " is applied by the conductor, not requested");
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
                applyToLink(pending, a, FaultKind.BLACKHOLE, b, Direction.BOTH, 0, 0);
                applyToLink(pending, b, FaultKind.BLACKHOLE, a, Direction.BOTH, 0, 0);
            }
        }
        complete(pending);
    }

    /**
     * A link fault is applied where the frames' filter enforces it ({@code from}), and mirrored to
     * {@code to}: a relayed connection carries bytes both ways through the relay of one end, so each
     * end's relays must know the other end's faults of the link. A drop concerns frames alone.
     */
    private void applyToLink(Pending pending, NodeState from, FaultKind kind, NodeState to, Direction direction, long nanos,
                             double probability) {
        apply(pending, from, kind, to.participant, direction, nanos, probability);
        FaultKind mirror = switch (kind) {
            case BLACKHOLE -> FaultKind.PEER_BLACKHOLE;
            case PASS_THROUGH -> FaultKind.PEER_PASS_THROUGH;
            case DELAY -> FaultKind.PEER_DELAY;
            case BANDWIDTH -> FaultKind.PEER_BANDWIDTH;
            case DISCONNECT -> FaultKind.PEER_DISCONNECT;
            default -> null;
        };
        if (mirror != null) {
            apply(pending, to, mirror, from.participant, direction, nanos, probability);
        }
    }

    /** Whether a connection of the system under test between the two may go through a relay. */
    private boolean isRelayed(NodeState a, NodeState b) {
        return directory.hasKeyStartingWith(a.role, DirectoryKeys.linkRelaysTo(b.role))
                || directory.hasKeyStartingWith(b.role, DirectoryKeys.linkRelaysTo(a.role))
                || directory.hasKeyStartingWith(a.role, DirectoryKeys.sharedRelays())
                || directory.hasKeyStartingWith(b.role, DirectoryKeys.sharedRelays());
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

    void onApplied(long applyId, boolean touched) {
        Pending pending = byApplication.remove(applyId);
        Set<String> link = linkOfApplication.remove(applyId);
        if (pending != null) {
            if (link != null && touched) {
                pending.linkTouched.put(link, true);
            }
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
            if (touchesTraffic(kind)) {
                Set<String> link = Set.of(target.role, participants.byParticipant(peer).role);
                pending.linkTouched.putIfAbsent(link, false);
                linkOfApplication.put(applyId, link);
            }
        }
        participants.send(target, FaultApplyMessage.TYPE,
                FaultApplyMessage.write(outgoing, applyId, kind, peer, direction, nanos, probability));
    }

    void complete(Pending pending) {
        if (pending.unconfirmed.isEmpty()) {
            pending.whenInForce.run();
            String notice = untouchedNotice(pending);
            if (!notice.isEmpty()) {
                events.record(EventKind.FAULT, null, notice);
            }
            if (pending.answerWhenInForce) {
                participants.send(pending.requester, FaultDoneMessage.TYPE,
                        FaultDoneMessage.write(outgoing, pending.requestId, "", notice));
            }
        }
    }

    void answer(NodeState requester, long requestId, String refusal) {
        participants.send(requester, FaultDoneMessage.TYPE, FaultDoneMessage.write(outgoing, requestId, refusal, ""));
    }

    /** Faults whose use is to cut or slow the system's traffic; a frozen node's part is not asked. */
    private static boolean touchesTraffic(FaultKind kind) {
        return switch (kind) {
            case BLACKHOLE, DELAY, DROP, BANDWIDTH, DISCONNECT, PEER_BLACKHOLE, PEER_DELAY, PEER_BANDWIDTH,
                    PEER_DISCONNECT -> true;
            default -> false;
        };
    }

    /**
     * A fault on a link where neither end saw any of the system's frames, probe messages or relayed
     * bytes in this phase or the one before, and no listener mirrors it, most likely misses the
     * system under test (its own sockets not going through {@code node.address}): say so.
     */
    private static String untouchedNotice(Pending pending) {
        List<String> untouched = new ArrayList<>();
        pending.linkTouched.forEach((link, touched) -> {
            if (!touched) {
                untouched.add(String.join("-", new TreeSet<>(link)));
            }
        });
        if (untouched.isEmpty()) {
            return "";
        }
        return "the fault touched no traffic of the system under test on " + String.join(", ", untouched)
                + ": no frame, probe message or relayed byte crossed " + (untouched.size() == 1 ? "that link" : "those links")
                + " in this phase or the one before, and no node mirrors faults with onFault (a system with sockets of "
                + "its own must connect through node.address or node.sharedAddress for faults to reach it)";
    }

    private static String describe(FaultKind kind, List<String> side1, List<String> side2, Direction direction, long nanos,
                                   double probability) {
        String roles = kind == FaultKind.PARTITION ? side1 + " / " + side2 : String.valueOf(concat(side1, side2));
        String detail = switch (kind) {
            case BLACKHOLE, PASS_THROUGH -> " " + direction;
            case DELAY, SKEW_CLOCK -> " by " + nanos / 1_000_000 + " ms";
            case BANDWIDTH -> " to " + nanos + " bytes/s";
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
