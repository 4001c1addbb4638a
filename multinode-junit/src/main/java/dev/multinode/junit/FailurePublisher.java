package dev.multinode.junit;

import dev.multinode.MultiNodeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes what a failed run left, so that IDEs and report tools show it beside the failure: the
 * run's {@code timeline.html} as a file, and the run folder, seed and each node's outcome as report
 * entries ({@code multinode.node.<role>}). The folder is named, not copied: its logs can be large,
 * and it is kept for a failed run anyway.
 */
final class FailurePublisher {

    private static final String TIMELINE = "timeline.html";
    private static final String OTHER_NODES = "Other nodes:";
    private static final String NODE_LINE = "  ";

    private FailurePublisher() {
    }

    /**
     * Never masks the failure: a report that cannot be published is added to it as suppressed.
     *
     * @param failure the run's failure
     * @param context the invocation's context
     */
    static void publish(MultiNodeFailure failure, ExtensionContext context) {
        try {
            Map<String, String> entries = new LinkedHashMap<>();
            failure.runDirectory().ifPresent(folder -> entries.put("multinode.runFolder", folder.toString()));
            entries.put("multinode.seed", Long.toString(failure.seed()));
            entries.putAll(nodeOutcomes(failure));
            context.publishReportEntry(entries);
            Path timeline = failure.runDirectory().map(folder -> folder.resolve(TIMELINE)).filter(Files::isRegularFile)
                    .orElse(null);
            if (timeline != null) {
                context.publishFile(TIMELINE, MediaType.create("text", "html", StandardCharsets.UTF_8),
                        // the output folder outlives a build: a rerun of the same test replaces its file
                        target -> Files.copy(timeline, target, StandardCopyOption.REPLACE_EXISTING));
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Reads the outcomes from the failure's report: its first line is the root cause's node
     * ({@code node-b failed at ...}), then one indented line per other node ({@code   node-a: ...}).
     */
    static Map<String, String> nodeOutcomes(MultiNodeFailure failure) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> lines = String.valueOf(failure.getMessage()).lines().toList();
        failure.rootRole().ifPresent(role -> outcomes.put(key(role), lines.get(0).substring(role.length()).strip()));
        int others = lines.indexOf(OTHER_NODES);
        for (int i = others + 1; others >= 0 && i < lines.size() && lines.get(i).startsWith(NODE_LINE); i++) {
            String line = lines.get(i).strip();
            int colon = line.indexOf(": ");
            if (colon > 0) {
                outcomes.put(key(line.substring(0, colon)), line.substring(colon + 2));
            }
        }
        return outcomes;
    }

    private static String key(String role) {
        return "multinode.node." + role;
    }
}
