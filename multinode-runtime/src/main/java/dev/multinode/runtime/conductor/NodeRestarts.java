package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Signal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Restarts, on the conductor's thread: the victim is killed as {@code kill} kills and cut off from
 * the others (phase {@link Phase#DOWN}); after the downtime the launcher's {@link NodeStarter}
 * starts its next incarnation; when that one says hello it gets the faults its role had in force,
 * the others accept its traffic again, its body starts, and the requester is answered.
 */
final class NodeRestarts {

    /** A restart between its kill and the new incarnation's start. */
    private record Underway(NodeState requester, long requestId) {
    }

    private final FaultCoordinator faults;
    private final Conductor conductor;
    private final NodeRoster nodes;
    private final RunEvents events;
    private final BarrierCoordinator barriers;
    private final ConductorTimers timers;
    private final Map<NodeState, Underway> underway = new HashMap<>();
    private final Set<NodeState> inDowntime = new HashSet<>();
    private final ByteBuffer outgoing = ByteBuffer.allocate(Long.BYTES);
    private NodeStarter starter;

    NodeRestarts(FaultCoordinator faults, Conductor conductor, NodeRoster nodes, RunEvents events,
                 BarrierCoordinator barriers, ConductorTimers timers) {
        this.faults = faults;
        this.conductor = conductor;
        this.nodes = nodes;
        this.events = events;
        this.barriers = barriers;
        this.timers = timers;
    }

    /** @param starter starts a node's next incarnation; without one, restarts are refused */
    void starter(NodeStarter starter) {
        this.starter = starter;
    }

    void restart(NodeState requester, long requestId, NodeState victim, long downtimeNanos) {
        if (starter == null) {
            faults.answer(requester, requestId, "Cannot restart " + victim.role + ": this launch mode cannot start nodes "
                    + "(external nodes are started by you); restart works in thread and process launch");
            return;
        }
        barriers.leftForRestart(victim);
        starter.prepare(victim.role);
        faults.removeNode(new FaultCoordinator.Pending(requester, requestId, () -> down(victim, downtimeNanos), false),
                FaultKind.KILL, victim);
        underway.put(victim, new Underway(requester, requestId));
    }

    /** The incarnation counts up at once, so that the old one's death, noticed late, is known for what it is. */
    private void down(NodeState victim, long downtimeNanos) {
        victim.phase = Phase.DOWN;
        victim.incarnation++;
        victim.removing = false;
        victim.paused = false;
        events.record(EventKind.DOWN, victim.role, "killed for a restart");
        barriers.removed();
        inDowntime.add(victim);
        timers.at(conductor.now() + downtimeNanos, () -> start(victim));
    }

    /** @return whether the node is between its kill for a restart and the start of its next incarnation */
    boolean inDowntime(NodeState node) {
        return inDowntime.contains(node);
    }

    private void start(NodeState victim) {
        inDowntime.remove(victim);
        if (conductor.isAborted()) {
            giveUp(victim, "the run was aborted before " + victim.role + " started again");
            return;
        }
        int incarnation = victim.incarnation;
        starter.start(victim.role, incarnation).whenComplete((started, error) -> {
            if (error != null) {
                conductor.submit(() -> startFailed(victim, incarnation, error));
            }
        });
    }

    private void startFailed(NodeState victim, int incarnation, Throwable error) {
        if (victim.phase == Phase.DOWN && victim.incarnation == incarnation) {
            conductor.died(victim, "incarnation " + incarnation + " of " + victim.role
                    + " could not be started: " + error);
            underway.remove(victim);
        }
    }

    /**
     * A node said hello while down for a restart: its next incarnation is up.
     *
     * @return whether the hello was that of a restart
     */
    boolean hello(NodeState node) {
        Underway restart = underway.remove(node);
        if (restart == null || node.phase != Phase.DOWN) {
            return false;
        }
        node.phase = Phase.RUNNING;
        node.step = "before the first barrier";
        node.startedNanos = conductor.now();
        events.record(EventKind.RESTARTED, node.role, "incarnation " + node.incarnation + " up");
        if (conductor.isAborted()) {
            conductor.abortLate(node);
            return true;
        }
        FaultCoordinator.Pending welcome = new FaultCoordinator.Pending(restart.requester(), restart.requestId(),
                () -> startBody(node));
        faults.welcomeBack(welcome, node);
        faults.complete(welcome);
        return true;
    }

    private void startBody(NodeState node) {
        barriers.restarted(node);
        nodes.send(node, FrameType.START, Signal.write(outgoing));
        events.record(EventKind.FAULT, null, "in force: restart[" + node.role + "], incarnation " + node.incarnation
                + " runs its body");
    }

    /** The run was aborted while the victim was down and before its new start: it stays down for good. */
    private void giveUp(NodeState victim, String why) {
        underway.remove(victim);
        victim.phase = Phase.CANCELLED;
        victim.detail = why;
        victim.doneNanos = conductor.now();
    }
}
