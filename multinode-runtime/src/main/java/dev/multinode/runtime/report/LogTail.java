package dev.multinode.runtime.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a node's log as of a moment, for the failure message: the log is read after
 * the run's teardown, and what the node printed while it stopped (its resources closing, the
 * system's shutdown noise) would otherwise push out the lines that led to the failure.
 */
public final class LogTail {

    private LogTail() {
    }

    /**
     * @param log   a node's log
     * @param count how many lines at most
     * @param until the moment: lines written later are left out; a line without a time (the JVM's
     *              own output) counts as written when the line before it was
     * @return its last {@code count} lines written up to {@code until}, oldest first; none if the
     *     log does not exist
     * @throws IOException if the log cannot be read
     */
    public static List<String> of(Path log, int count, Instant until) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count + 1);
        try (BufferedReader reader = MergedLog.reader(log)) {
            boolean later = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                LogLine parsed = LogLine.parse(line);
                if (parsed != null) {
                    later = parsed.at().isAfter(until);
                }
                if (later) {
                    continue;
                }
                last.addLast(line);
                if (last.size() > count) {
                    last.removeFirst();
                }
            }
        }
        return List.copyOf(last);
    }
}
