package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.RunEvents;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code merged.log}: every node's log and the conductor's events in one stream ordered by time,
 * each line prefixed with its instant and its role ({@code conductor} for the events). Each source
 * keeps its own order; the logs are streamed, never held in memory whole.
 */
final class MergedLog {

    /** The file's name in the run folder. */
    static final String FILE = "merged.log";
    /** The role the conductor's lines carry. */
    static final String CONDUCTOR = "conductor";

    /** One time-ordered stream of lines: a node's log or the conductor's events. */
    private abstract static class Source {
        final int order;
        Instant at;
        String line;

        Source(int order) {
            this.order = order;
        }

        /** Moves to the next line; @return false at the end */
        abstract boolean advance() throws IOException;
    }

    private static final class NodeSource extends Source implements AutoCloseable {
        private final BufferedReader reader;
        private final String role;

        NodeSource(int order, BufferedReader reader, String role, Instant start) {
            super(order);
            this.reader = reader;
            this.role = role;
            this.at = start;
        }

        /** A line without a prefix (the JVM's own output before the node's streams were set up) takes the time before it. */
        @Override
        boolean advance() throws IOException {
            String raw = reader.readLine();
            if (raw == null) {
                return false;
            }
            LogLine parsed = LogLine.parse(raw);
            if (parsed == null) {
                line = LogLine.prefix(at, role) + raw;
            } else {
                at = parsed.at();
                line = raw;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class EventSource extends Source {
        private final List<RunEvents.Event> events;
        private int next;
        private String[] pending = new String[0];
        private int pendingNext;
        private String prefix;

        EventSource(int order, List<RunEvents.Event> events) {
            super(order);
            this.events = events;
        }

        /** An event of several lines (a timeout's stacks, a death's last lines) keeps its time on each. */
        @Override
        boolean advance() {
            if (pendingNext < pending.length) {
                line = prefix + "    " + pending[pendingNext++];
                return true;
            }
            if (next == events.size()) {
                return false;
            }
            RunEvents.Event event = events.get(next++);
            at = event.at();
            prefix = LogLine.prefix(at, CONDUCTOR);
            String[] lines = event.text().split("\r?\n");
            line = prefix + (event.role() == null ? "" : event.role() + ": ") + lines[0];
            pending = lines;
            pendingNext = 1;
            return true;
        }
    }

    private MergedLog() {
    }

    static void write(RunRecord run) throws IOException {
        List<NodeSource> logs = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(run.runDirectory().resolve(FILE), StandardCharsets.UTF_8)) {
            PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.<Source, Instant>comparing(s -> s.at)
                    .thenComparingInt(s -> s.order));
            offer(heads, new EventSource(0, run.events()));
            for (String role : run.roles()) {
                Path log = run.logOf(role);
                if (Files.exists(log)) {
                    NodeSource source = new NodeSource(logs.size() + 1, reader(log), role, run.started());
                    logs.add(source);
                    offer(heads, source);
                }
            }
            while (!heads.isEmpty()) {
                Source head = heads.poll();
                out.write(head.line);
                out.write('\n');
                offer(heads, head);
            }
        } finally {
            for (NodeSource log : logs) {
                log.close();
            }
        }
    }

    private static void offer(PriorityQueue<Source> heads, Source source) throws IOException {
        if (source.advance()) {
            heads.add(source);
        }
    }

    /** A node may print bytes that are not UTF-8; they must not stop the merge. */
    static BufferedReader reader(Path log) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }
}
