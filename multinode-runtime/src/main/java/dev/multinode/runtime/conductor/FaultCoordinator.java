package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FaultOp;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Wire;
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
    private static final class Pending {
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
    private final List<NodeState> nodes;
    private final RunEvents events;
    private final ByteBuffer outgoing;
    private final Map<Long, Pending> byApplication = new HashMap<>();
    private Consumer<String> processKiller;
    private long nextApplyId;

    FaultCoordinator(Conductor conductor, List<NodeState> nodes, RunEvents events, int frameSize) {
        this.conductor = conductor;
        this.nodes = nodes;
        this.events = events;
        this.outgoing = ByteBuffer.allocate(frameSize);
    }

    /** In process mode, kills a node's JVM with SIGKILL and returns once it is dead. */
    void processKiller(Consumer<String> killer) {
        this.processKiller = killer;
    }

    void onRequest(NodeState requester, ByteBuffer frame) {
        long requestId = frame.getLong();
        byte op = frame.get();
        Direction direction = Direction.values()[frame.get()];
        long nanos = frame.getLong();
        double probability = frame.getDouble();
        List<String> args = new ArrayList<>();
        for (int i = frame.getInt(); i > 0; i--) {
            args.add(Wire.getString(frame));
        }
        for (String role : args) {
            if (!role.equals("|") && conductor.nodeOf(role).isGone()) {
                answer(requester, requestId, "Cannot apply " + describe(op, args, direction, nanos, probability) + ": " + role + " is already "
                        + conductor.nodeOf(role).whereabouts());
                return;
            }
        }
        String description = describe(op, args, direction, nanos, probability);
        events.record(requester.role, "fault requested: " + description);
        switch (op) {
            case FaultOp.KILL, FaultOp.SHUTDOWN -> removeNode(requester, requestId, op, conductor.nodeOf(args.get(0)));
            case FaultOp.BLACKHOLE, FaultOp.PASS_THROUGH, FaultOp.DELAY, FaultOp.DROP -> {
                Pending pending = new Pending(requester, requestId, () -> events.record(null, "in force: " + description));
                apply(pending, conductor.nodeOf(args.get(0)), op, conductor.nodeOf(args.get(1)).participant, direction, nanos, probability);
                complete(pending);
            }
            case FaultOp.PARTITION -> partition(requester, requestId, args);
            case FaultOp.HEAL -> {
                Pending pending = new Pending(requester, requestId, () -> events.record(null, "in force: heal"));
                for (NodeState node : nodes) {
                    if (!node.isGone()) {
                        apply(pending, node, FaultOp.HEAL, 0, Direction.BOTH, 0, 0);
                    }
                }
                complete(pending);
            }
            default -> answer(requester, requestId, "Unknown fault operation " + op);
        }
    }

    /**
     * A kill cuts the victim off everywhere at once. A graceful shutdown first lets the victim close
     * its resources, which may still talk to the others, and only then cuts it off.
     */
    private void removeNode(NodeState requester, long requestId, byte op, NodeState victim) {
        victim.removing = true;
        Phase phase = op == FaultOp.KILL ? Phase.KILLED : Phase.SHUT_DOWN;
        Pending cutOff = new Pending(requester, requestId, () -> conductor.removed(victim, phase));
        if (op == FaultOp.KILL) {
            if (processKiller != null) {
                processKiller.accept(victim.role);
            } else {
                apply(cutOff, victim, op, victim.participant, Direction.BOTH, 0, 0);
            }
            cutOffFromOthers(cutOff, victim);
            return;
        }
        Pending stopped = new Pending(requester, requestId, () -> cutOffFromOthers(cutOff, victim), false);
        apply(stopped, victim, op, victim.participant, Direction.BOTH, 0, 0);
        complete(stopped);
    }

    private void cutOffFromOthers(Pending pending, NodeState victim) {
        for (NodeState node : nodes) {
            if (node != victim && !node.isGone()) {
                apply(pending, node, FaultOp.PEER_GONE, victim.participant, Direction.BOTH, 0, 0);
            }
        }
        complete(pending);
    }

    private void partition(NodeState requester, long requestId, List<String> args) {
        int separator = args.indexOf("|");
        List<NodeState> side1 = args.subList(0, separator).stream().map(conductor::nodeOf).toList();
        List<NodeState> side2 = args.subList(separator + 1, args.size()).stream().map(conductor::nodeOf).toList();
        Pending pending = new Pending(requester, requestId, () -> events.record(null, "in force: partition " + args));
        for (NodeState a : side1) {
            for (NodeState b : side2) {
                apply(pending, a, FaultOp.BLACKHOLE, b.participant, Direction.BOTH, 0, 0);
                apply(pending, b, FaultOp.BLACKHOLE, a.participant, Direction.BOTH, 0, 0);
            }
        }
        complete(pending);
    }

    void onApplied(long applyId) {
        Pending pending = byApplication.remove(applyId);
        if (pending != null) {
            pending.unconfirmed.remove(applyId);
            complete(pending);
        }
    }

    private void apply(Pending pending, NodeState target, byte op, int peer, Direction direction, long nanos, double probability) {
        long applyId = ++nextApplyId;
        pending.unconfirmed.add(applyId);
        byApplication.put(applyId, pending);
        ByteBuffer payload = outgoing.clear();
        payload.putLong(applyId).put(op).putInt(peer).put((byte) direction.ordinal()).putLong(nanos).putDouble(probability);
        conductor.sendTo(target, FrameType.FAULT_APPLY, payload.flip());
    }

    private void complete(Pending pending) {
        if (pending.unconfirmed.isEmpty()) {
            pending.whenInForce.run();
            if (pending.answerWhenInForce) {
                answer(pending.requester, pending.requestId, "");
            }
        }
    }

    private void answer(NodeState requester, long requestId, String refusal) {
        ByteBuffer payload = outgoing.clear();
        payload.putLong(requestId);
        Wire.putString(payload, refusal);
        conductor.sendTo(requester, FrameType.FAULT_DONE, payload.flip());
    }

    private static String describe(byte op, List<String> args, Direction direction, long nanos, double probability) {
        String name = switch (op) {
            case FaultOp.KILL -> "kill";
            case FaultOp.SHUTDOWN -> "shutdown";
            case FaultOp.BLACKHOLE -> "blackhole";
            case FaultOp.PASS_THROUGH -> "passThrough";
            case FaultOp.PARTITION -> "partition";
            case FaultOp.HEAL -> "heal";
            case FaultOp.DELAY -> "delay";
            case FaultOp.DROP -> "drop";
            default -> "fault " + op;
        };
        String detail = switch (op) {
            case FaultOp.BLACKHOLE, FaultOp.PASS_THROUGH -> " " + direction;
            case FaultOp.DELAY -> " by " + nanos / 1_000_000 + " ms";
            case FaultOp.DROP -> " with probability " + probability;
            default -> "";
        };
        return name + args + detail;
    }
}
