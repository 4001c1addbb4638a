package dev.multinode.runtime.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a node's log, for the failure message. */
public final class LogTail {

    private LogTail() {
    }

    /**
     * @param log   a node's log
     * @param count how many lines at most
     * @return its last {@code count} lines, oldest first; none if the log does not exist
     * @throws IOException if the log cannot be read
     */
    public static List<String> of(Path log, int count) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count + 1);
        try (BufferedReader reader = MergedLog.reader(log)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                last.addLast(line);
                if (last.size() > count) {
                    last.removeFirst();
                }
            }
        }
        return List.copyOf(last);
    }
}
