package dev.multinode.runtime;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.settings.RunSettings;
import java.nio.file.Path;
import java.util.Map;

/** Writes the one failure a failed run throws: root cause first, then the others, seed, folder. */
final class FailureReport {

    private FailureReport() {
    }

    static MultiNodeFailure of(RunSettings settings, String transport, ConductorResult result,
                               Map<String, NodeOutcome> localOutcomes, Path runDirectory) {
        RootCause root = result.rootCause();
        Throwable cause = root.thrown() ? localError(root.role(), localOutcomes, root.error()) : root.error();
        StringBuilder text = new StringBuilder();
        if (root.thrown()) {
            text.append(root.role()).append(" failed ").append(root.where()).append(": ").append(cause);
        } else {
            text.append(root.summary());
        }
        text.append("\nOther nodes:");
        for (NodeReport node : result.nodes()) {
            if (node.role().equals(root.role())) {
                continue;
            }
            text.append("\n  ").append(node.role()).append(": ").append(describe(node, localOutcomes));
        }
        text.append("\nSeed: ").append(settings.seed()).append(" (replay with -D").append(RunSettings.SEED).append('=')
                .append(settings.seed()).append(')');
        text.append("\nTransport: ").append(transport);
        text.append("\nRun folder: ").append(runDirectory);
        return new MultiNodeFailure(text.toString(), cause, root.role(), settings.seed(), runDirectory);
    }

    /** In thread mode the original exception, with its own class and stack, stands for the rebuilt one. */
    private static Throwable localError(String role, Map<String, NodeOutcome> localOutcomes, Throwable remote) {
        NodeOutcome local = localOutcomes.get(role);
        return local != null && local.error() != null ? local.error() : remote;
    }

    private static String describe(NodeReport node, Map<String, NodeOutcome> localOutcomes) {
        String where = node.where() == null ? "" : " " + node.where();
        return switch (node.outcome()) {
            case "passed" -> "passed";
            case "failed" -> "failed" + where + ": " + localError(node.role(), localOutcomes, node.error());
            default -> node.outcome().startsWith("cancelled") ? node.outcome() + where + " (because of the root cause)"
                    : node.outcome();
        };
    }
}
