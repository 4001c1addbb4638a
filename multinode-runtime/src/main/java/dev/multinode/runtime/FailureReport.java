package dev.multinode.runtime;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.conductor.RunEvents;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.report.LogTail;
import dev.multinode.runtime.settings.RunSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the one failure a failed run throws: root cause first, then the others, what was left
 * running, seed, folder and the failing node's last lines as of the failure.
 */
final class FailureReport {

    private static final int LOG_LINES = 20;
    private static final int LINE_CHARS = 1_000;

    private FailureReport() {
    }

    static MultiNodeFailure of(RunSettings settings, String transport, ConductorResult result, List<RunEvents.Event> events,
                               Map<String, NodeOutcome> localOutcomes, List<String> stragglers, Path runDirectory) {
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
        stragglers.forEach(straggler -> text.append("\n").append(straggler));
        text.append("\nSeed: ").append(settings.seed()).append(" (replay with -D").append(RunSettings.SEED).append('=')
                .append(settings.seed()).append(')');
        text.append("\nTransport: ").append(transport);
        text.append("\nRun folder: ").append(runDirectory);
        appendLogTail(text, root.role(), runDirectory, failedAt(events));
        return new MultiNodeFailure(text.toString(), cause, root.role(), settings.seed(), runDirectory);
    }

    /**
     * The conductor aborts the run the moment it learns of the root cause, so a failed run has that
     * event; without it, every line written so far counts.
     */
    private static Instant failedAt(List<RunEvents.Event> events) {
        return events.stream().filter(event -> event.kind() == EventKind.ABORTED).map(RunEvents.Event::at)
                .findFirst().orElse(Instant.now());
    }

    /**
     * The failing node's last lines up to the failure, unless the root cause already quotes them (a
     * process's death does).
     */
    private static void appendLogTail(StringBuilder text, String role, Path runDirectory, Instant failedAt) {
        if (role == null) {
            return;
        }
        Path log = runDirectory.resolve(role + ".log");
        try {
            List<String> last = LogTail.of(log, LOG_LINES, failedAt);
            if (!last.isEmpty() && text.indexOf(last.get(last.size() - 1)) < 0) {
                text.append(last.size() == 1 ? "\nLast line of " : "\nLast " + last.size() + " lines of ")
                        .append(log.getFileName()).append(" up to the failure:");
                last.forEach(line -> text.append("\n    ").append(line.length() <= LINE_CHARS ? line
                        : line.substring(0, LINE_CHARS) + "\u2026"));
            }
        } catch (IOException e) {
            text.append("\nThe log ").append(log).append(" cannot be read: ").append(e);
        }
    }

    /** In thread mode the original exception, with its own class and stack, stands for the rebuilt one. */
    private static Throwable localError(String role, Map<String, NodeOutcome> localOutcomes, Throwable remote) {
        NodeOutcome local = localOutcomes.get(role);
        return local != null && local.error() != null ? local.error() : remote;
    }

    private static String describe(NodeReport node, Map<String, NodeOutcome> localOutcomes) {
        String where = node.where() == null ? "" : " " + node.where();
        return switch (node.ending()) {
            case PASSED -> node.outcome();
            case FAILED -> "failed" + where + ": " + localError(node.role(), localOutcomes, node.error());
            // the step belongs to the word, the conductor's note ("did not stop within ...") after both
            case CANCELLED -> "cancelled" + where + " (because of the root cause)"
                    + (node.note() == null ? "" : "; it " + node.note());
            default -> node.outcome();
        };
    }
}
