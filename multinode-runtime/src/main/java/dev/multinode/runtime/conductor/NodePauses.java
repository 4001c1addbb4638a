package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FaultKind;

/**
 * Pauses and resumes, on the conductor's thread. In process launch the launcher's
 * {@link NodeFreezer} stops and continues the node's JVM; otherwise the node pauses at its own gate,
 * which holds what the system under test sends and receives but lets control frames through, so
 * that an abort or a kill still reaches it. Before a run ends (abort, timeout or success) every
 * frozen JVM is continued, so that none outlives the run stopped.
 */
final class NodePauses {

    private final FaultCoordinator faults;
    private final NodeRoster nodes;
    private final RunEvents events;
    private final BarrierCoordinator barriers;
    private NodeFreezer freezer;

    NodePauses(FaultCoordinator faults, NodeRoster nodes, RunEvents events, BarrierCoordinator barriers) {
        this.faults = faults;
        this.nodes = nodes;
        this.events = events;
        this.barriers = barriers;
    }

    /** @param freezer stops and continues nodes' JVMs; without one, nodes pause at their own gate */
    void freezer(NodeFreezer freezer) {
        this.freezer = freezer;
    }

    /** @return whether the node's JVM is stopped: it confirms nothing until it is continued */
    boolean isFrozen(NodeState node) {
        return node.paused && freezer != null;
    }

    void pause(NodeState requester, long requestId, NodeState victim) {
        if (victim.paused) {
            faults.answer(requester, requestId, "Cannot pause " + victim.role + ": it is " + victim.whereabouts());
            return;
        }
        change(requester, requestId, victim, FaultKind.PAUSE, () -> {
            victim.paused = true;
            events.record(EventKind.PAUSED, victim.role, "paused");
            barriers.pausedChanged();
        });
    }

    void resume(NodeState requester, long requestId, NodeState victim) {
        if (!victim.paused) {
            faults.answer(requester, requestId, "Cannot resume " + victim.role + ": it is not paused but "
                    + victim.whereabouts());
            return;
        }
        change(requester, requestId, victim, FaultKind.RESUME, () -> resumed(victim, "resumed"));
    }

    private void change(NodeState requester, long requestId, NodeState victim, FaultKind kind, Runnable inForce) {
        if (freezer == null) {
            FaultCoordinator.Pending pending = new FaultCoordinator.Pending(requester, requestId, inForce);
            faults.apply(pending, victim, kind, victim.participant, Direction.BOTH, 0, 0);
            faults.complete(pending);
            return;
        }
        try {
            if (kind == FaultKind.PAUSE) {
                freezer.freeze(victim.role);
            } else {
                freezer.thaw(victim.role);
            }
        } catch (IllegalStateException e) {
            faults.answer(requester, requestId, "Cannot " + kind.apiName() + " " + victim.role + ": " + e.getMessage());
            return;
        }
        inForce.run();
        faults.answer(requester, requestId, "");
    }

    /**
     * Continues every frozen JVM before the run ends. Nodes paused at their own gate need nothing:
     * the abort and the stop reach them through it.
     *
     * @param why for the timeline, e.g. "the abort"
     */
    void resumeAll(String why) {
        for (NodeState node : nodes.all()) {
            if (node.paused && freezer != null) {
                try {
                    freezer.thaw(node.role);
                } catch (IllegalStateException e) {
                    ConductorLog.LOG.warn("Cannot resume {} for {}: {}", node.role, why, e.getMessage());
                }
                resumed(node, "resumed for " + why);
            }
        }
    }

    private void resumed(NodeState node, String text) {
        node.paused = false;
        events.record(EventKind.RESUMED, node.role, text);
    }
}
