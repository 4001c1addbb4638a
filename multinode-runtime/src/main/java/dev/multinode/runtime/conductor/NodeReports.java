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
            reports.add(new NodeReport(node.role, outcome(node), node.step, node.error, durationMs));
        }
        return reports;
    }

    private static String outcome(NodeState node) {
        return switch (node.phase) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case CANCELLED -> node.detail == null ? "cancelled" : "cancelled, " + node.detail;
            case KILLED -> "killed";
            case SHUT_DOWN -> "shut down";
            case DIED -> node.detail;
            default -> "did not finish";
        };
    }
}
