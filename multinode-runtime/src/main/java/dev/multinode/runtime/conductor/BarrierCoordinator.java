package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.BarrierFailedMessage;
import dev.multinode.runtime.protocol.ReleaseMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The barrier rules. A barrier releases its nodes once every live participant entered it (nodes
 * removed by a fault leave the set); it fails at once when a node enters another barrier, finishes
 * its body or dies while others wait, and when its deadline passes. A failure is told to every node
 * waiting at the barrier (BARRIER_FAILED) and handed back to the conductor, which aborts the run.
 * After the abort no barrier fails again: the other nodes are cancelled, not a cascade.
 * Runs on the conductor's thread.
 */
final class BarrierCoordinator {

    private final NodeRoster participants;
    private final List<NodeState> nodes;
    private final RunDeadlines deadlines;
    private final TrafficLedger ledger;
    private final RunEvents events;
    private final ConductorClock clock;
    private final ByteBuffer outgoing;
    private final Set<String> passed = new HashSet<>();
    private final boolean skipPaused;
    private Barrier barrier;
    private boolean aborted;

    /**
     * @param skipPaused whether barriers release without the nodes paused while they wait
     */
    BarrierCoordinator(NodeRoster participants, RunDeadlines deadlines, TrafficLedger ledger, RunEvents events,
                       ConductorClock clock, int frameSize, boolean skipPaused) {
        this.skipPaused = skipPaused;
        this.participants = participants;
        this.nodes = participants.all();
        this.deadlines = deadlines;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.outgoing = ByteBuffer.allocate(frameSize);
    }

    /**
     * A node entered a barrier.
     *
     * @return the barrier's failure, or null
     */
    BarrierFailure enter(NodeState node, String name, long timeoutMillis, long now) {
        if (node.phase.isDone() || aborted) {
            return null;
        }
        if (node.catchUp.remove(name) && (barrier == null || !barrier.name.equals(name))) {
            catchUp(node, name);
            return null;
        }
        if (barrier == null) {
            barrier = new Barrier(name, nodes.size());
            ledger.barrierOpened(clock.now());
        } else if (!barrier.name.equals(name)) {
            BarrierFailure failure = new BarrierFailure.WrongName(barrier.name, arrived(), missing(), node.role, name);
            tellWaiting(failure, node);
            return failure;
        }
        barrier.arrive(node);
        deadlines.barrierArrival(now, timeoutMillis);
        node.phase = Phase.AT_BARRIER;
        node.barrier = name;
        node.step = "at barrier '" + name + "'";
        for (int i = 0; i < nodes.size(); i++) { // indexed: an ENTER allocates no iterator
            NodeState other = nodes.get(i);
            if (other.phase == Phase.PASSED) {
                return fail(new BarrierFailure.NodeFinished(name, arrived(), missing(), other.role, true));
            }
        }
        releaseIfComplete();
        return null;
    }

    /**
     * A node's body returned.
     *
     * @return the failure of the barrier others wait for it at, or null
     */
    BarrierFailure finished(NodeState node) {
        if (barrier == null || aborted) {
            return null;
        }
        return fail(new BarrierFailure.NodeFinished(barrier.name, arrived(), missing(), node.role, false));
    }

    /**
     * A node died without a fault asking for it. The run fails for the death itself; the nodes
     * waiting at the barrier learn that it cannot complete.
     *
     * @return the barrier's failure, or null if no barrier is open
     */
    BarrierFailure lost(NodeState node) {
        if (barrier == null || aborted) {
            return null;
        }
        return fail(new BarrierFailure.NodeLost(barrier.name, arrived(), missing(), node.role));
    }

    /** A fault removed a node on purpose: it leaves the set, which may complete the barrier. */
    void removed() {
        if (!aborted) {
            releaseIfComplete();
        }
    }

    /**
     * A node is killed for a restart: it leaves the open barrier, and its next body will enter
     * again. Whether that completes the barrier for the others is {@link #removed()}'s to decide.
     */
    void leftForRestart(NodeState node) {
        if (barrier != null) {
            barrier.leave(node);
        }
    }

    /** A restarted node's new body starts: it passes at once every barrier the run passed so far. */
    void restarted(NodeState node) {
        node.catchUp.clear();
        node.catchUp.addAll(passed);
    }

    /** A node was paused or resumed: with paused nodes skipped, that may complete the barrier. */
    void pausedChanged() {
        if (skipPaused && !aborted) {
            releaseIfComplete();
        }
    }

    /** @return the open barrier's failure once its deadline passed */
    BarrierFailure timedOut() {
        List<String> absent = new ArrayList<>();
        for (NodeState node : nodes) {
            if (!node.phase.isRemoved() && !barrier.hasArrived(node)) {
                absent.add(node.label());
            }
        }
        String culprit = absent.size() == 1 ? absent.get(0) : null;
        return fail(new BarrierFailure.TimedOut(barrier.name, arrived(), missing(), culprit, deadlines.barrierTimeoutMillis()));
    }

    /** The run was aborted: barriers neither release nor fail any more. */
    void runAborted() {
        aborted = true;
    }

    /** @return the barrier nodes are gathering at, or null */
    String openBarrier() {
        return barrier == null ? null : barrier.name;
    }

    private void releaseIfComplete() {
        if (barrier == null) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeState node = nodes.get(i);
            if (!skipped(node) && !(node.phase == Phase.AT_BARRIER && barrier.hasArrived(node))) {
                return;
            }
        }
        ByteBuffer payload = ReleaseMessage.write(outgoing, barrier.name);
        passed.add(barrier.name);
        for (int i = 0; i < nodes.size(); i++) {
            NodeState node = nodes.get(i);
            if (node.paused && skipped(node)) {
                node.catchUp.add(barrier.name);
            } else if (node.phase == Phase.AT_BARRIER) {
                node.phase = Phase.RUNNING;
                node.lastPassedBarrier = barrier.name;
                node.step = "after barrier '" + barrier.name + "'";
                LocalRelease local = node.localRelease();
                if (local != null) {
                    local.released(barrier.name);
                } else {
                    participants.send(node, ReleaseMessage.TYPE, payload);
                }
            }
        }
        events.record(EventKind.BARRIER, null, "barrier '" + barrier.name + "' passed");
        ledger.barrierPassed(barrier.name, clock.now());
        deadlines.barrierClosed();
        barrier = null;
    }

    /** @return whether the open barrier does not wait for this node: removed, or paused before it arrived when paused nodes are skipped */
    private boolean skipped(NodeState node) {
        return node.phase.isRemoved() || skipPaused && node.paused && !(node.phase == Phase.AT_BARRIER && barrier.hasArrived(node));
    }

    /** The node's body re-enters a barrier the run passed without it: it goes on at once. */
    private void catchUp(NodeState node, String name) {
        node.lastPassedBarrier = name;
        node.step = "after barrier '" + name + "'";
        participants.send(node, ReleaseMessage.TYPE, ReleaseMessage.write(outgoing, name));
        events.record(EventKind.BARRIER, node.role, "barrier '" + name + "' passed at once: the run passed it without "
                + node.label());
    }

    private BarrierFailure fail(BarrierFailure failure) {
        tellWaiting(failure, null);
        return failure;
    }

    /** Before the abort, so that each waiting node's {@code enterBarrier} says why the barrier failed. */
    private void tellWaiting(BarrierFailure failure, NodeState alsoWaiting) {
        ByteBuffer payload = BarrierFailedMessage.write(outgoing, failure.barrier(), failure.message());
        for (NodeState node : nodes) {
            if (node == alsoWaiting || node.phase == Phase.AT_BARRIER) {
                participants.send(node, BarrierFailedMessage.TYPE, payload);
            }
        }
    }

    private List<String> arrived() {
        return barrier.arrivedRoles(nodes);
    }

    private String missing() {
        List<String> missing = new ArrayList<>();
        for (NodeState node : nodes) {
            if (!node.phase.isRemoved() && !barrier.hasArrived(node)) {
                missing.add(node.label() + " (" + node.whereabouts() + ")");
            }
        }
        return missing.isEmpty() ? "none" : String.join(", ", missing);
    }
}
