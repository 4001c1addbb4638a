package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Signal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Acts on the run's deadlines as they fall due: the start timeout and a barrier's timeout fail the
 * run; the run timeout first asks the stuck nodes for their body thread's stack and fails the run
 * once every stack arrived or their wait is over; when the grace after the abort is over, the nodes
 * still running are given up on. Runs on the conductor's thread.
 */
final class DeadlineWatch {

    private final NodeRoster nodes;
    private final RunDeadlines deadlines;
    private final BarrierCoordinator barriers;
    private final Consumer<RootCause> abort;
    private final ByteBuffer outgoing = ByteBuffer.allocate(Long.BYTES);
    private final Map<String, String> stacks = new HashMap<>();
    private final List<String> givenUp = new ArrayList<>();

    DeadlineWatch(NodeRoster nodes, RunDeadlines deadlines, BarrierCoordinator barriers, Consumer<RootCause> abort) {
        this.nodes = nodes;
        this.deadlines = deadlines;
        this.barriers = barriers;
        this.abort = abort;
    }

    /** A stuck node sent its body thread's stack. */
    void stackReceived(String role, String stack) {
        stacks.put(role, stack);
    }

    /**
     * @param now the monotonic clock's reading
     * @return 1 if a deadline made the conductor act, else 0
     */
    int act(long now) {
        switch (deadlines.due(now)) {
            case NOTHING -> {
                return 0;
            }
            case START -> abort.accept(startTimedOut());
            case BARRIER -> abort.accept(barriers.timedOut().rootCause());
            case RUN -> requestStacks(now);
            case DUMPS_AWAITED -> {
                if (!haveEveryStack()) {
                    return 0;
                }
                abort.accept(runTimedOut());
            }
            case DUMPS_OVERDUE -> abort.accept(runTimedOut());
            case GRACE_OVER -> giveUpOnStuckNodes();
        }
        return 1;
    }

    private RootCause startTimedOut() {
        List<String> missing = nodes.all().stream().filter(n -> n.phase == Phase.STARTING).map(n -> n.role).toList();
        return new RootCause(missing.size() == 1 ? missing.get(0) : null, "start",
                "Nodes " + missing + " did not start within " + deadlines.startTimeout().toMillis() + " ms", null, false);
    }

    private void requestStacks(long now) {
        deadlines.dumpsRequested(now);
        ByteBuffer payload = Signal.write(outgoing);
        for (NodeState node : stuckNodes()) {
            nodes.send(node, FrameType.DUMP_REQUEST, payload);
        }
    }

    /** Asked on every duty cycle while the stacks are awaited, so it allocates nothing. */
    private boolean haveEveryStack() {
        for (NodeState node : nodes.all()) {
            if (!node.phase.isDone() && !stacks.containsKey(node.role)) {
                return false;
            }
        }
        return true;
    }

    /** @return the run timeout's failure: who is still running, where, and each one's stack */
    private RootCause runTimedOut() {
        List<NodeState> stuck = stuckNodes();
        StringBuilder message = new StringBuilder("Run timed out after ").append(deadlines.runTimeout().toMillis())
                .append(" ms; still running: ");
        message.append(String.join(", ", stuck.stream().map(n -> n.role + " (" + n.whereabouts() + ")").toList()));
        for (NodeState node : stuck) {
            message.append("\nStack of ").append(node.role).append(":\n")
                    .append(stacks.getOrDefault(node.role, "(no stack received)"));
        }
        AssertionError error = new AssertionError(message.toString());
        error.setStackTrace(new StackTraceElement[0]);
        NodeState single = stuck.size() == 1 ? stuck.get(0) : null;
        return new RootCause(single == null ? null : single.role, single == null ? "run" : single.whereabouts(),
                message.toString(), error, false);
    }

    private void giveUpOnStuckNodes() {
        for (NodeState node : stuckNodes()) {
            givenUp.add(node.role);
            node.phase = Phase.CANCELLED;
            node.detail = "did not stop within " + deadlines.abortGrace().toMillis() + " ms after the abort";
        }
    }

    /** @return the roles whose body still ran when the grace after the abort was over */
    List<String> givenUp() {
        return givenUp;
    }

    private List<NodeState> stuckNodes() {
        return nodes.running();
    }
}
