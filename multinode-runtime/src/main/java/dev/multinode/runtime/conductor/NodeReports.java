package dev.multinode.runtime.conductor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Each node's outcome in the words the failure message and the report use. */
final class NodeReports {

    private NodeReports() {
    }

    /**
     * @param nodes the conductor's records, in role order
     * @return one report per node, in the same order
     */
    static List<NodeReport> of(List<NodeState> nodes) {
        List<NodeReport> reports = new ArrayList<>();
        for (NodeState node : nodes) {
            long durationMs = node.startedNanos == 0 || node.doneNanos == 0 ? 0
                    : TimeUnit.NANOSECONDS.toMillis(node.doneNanos - node.startedNanos);
            reports.add(new NodeReport(node.role, ending(node.phase), node.detail, node.step, node.error, durationMs));
        }
        return reports;
    }

    private static NodeEnding ending(Phase phase) {
        return switch (phase) {
            case PASSED -> NodeEnding.PASSED;
            case FAILED -> NodeEnding.FAILED;
            case CANCELLED -> NodeEnding.CANCELLED;
            case KILLED -> NodeEnding.KILLED;
            case SHUT_DOWN -> NodeEnding.SHUT_DOWN;
            case DIED -> NodeEnding.DIED;
            case STARTING, RUNNING, AT_BARRIER, DOWN -> NodeEnding.UNFINISHED;
        };
    }
}
