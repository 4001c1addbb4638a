package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Start-up time: how long after a spec's {@code run} call the last node body starts.
 * Each body's first act appends its role and {@link System#currentTimeMillis()} to a file (one
 * clock for every process of the host); the latest minus the call's time is one sample. The whole
 * run, up to {@code run} returning, is timed too.
 */
final class StartupTime {

    /** The roles of the default run's three empty bodies. */
    static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private StartupTime() {
    }

    /**
     * One run of empty bodies.
     *
     * @param toBodies  milliseconds from the call until all bodies had started
     * @param wholeRun  milliseconds from the call until it returned
     */
    record Sample(long toBodies, long wholeRun) {
    }

    /**
     * Runs one empty body per role once.
     *
     * @param roles  the roles
     * @param launch how their nodes start
     * @return the sample
     * @throws IOException if the file of start times cannot be made or read
     * @throws IllegalStateException if the file does not hold one start per role
     * @throws dev.multinode.MultiNodeFailure if the run fails or outlasts its two minutes
     */
    static Sample measure(List<String> roles, LaunchMode launch) throws IOException {
        Path starts = Files.createTempFile("multinode-bench-startup-", ".txt");
        try {
            String startsFile = starts.toString();
            long called = System.currentTimeMillis();
            MultiNode.spec(roles.toArray(String[]::new)).name("HarnessBenchmark-startup-" + roles.size())
                    .launch(launch).timeout(TIMEOUT).run(node -> {
                long started = System.currentTimeMillis();
                // one short O_APPEND write per body: the processes' lines cannot interleave
                Files.writeString(Path.of(startsFile), node.role() + " " + started + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            });
            long returned = System.currentTimeMillis();
            return new Sample(lastStart(starts, roles) - called, returned - called);
        } finally {
            Files.deleteIfExists(starts);
        }
    }

    private static long lastStart(Path starts, List<String> roles) throws IOException {
        List<String> lines = Files.readAllLines(starts, StandardCharsets.UTF_8);
        Set<String> started = new HashSet<>();
        long last = Long.MIN_VALUE;
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length != 2 || !started.add(fields[0])) {
                throw new IllegalStateException("Bad start-time line '" + line + "' in " + starts
                        + ": expected '<role> <millis>' once per role of " + roles);
            }
            last = Math.max(last, Long.parseLong(fields[1]));
        }
        if (!started.equals(Set.copyOf(roles))) {
            throw new IllegalStateException("Start times in " + starts + " came from " + started + ", expected " + roles);
        }
        return last;
    }
}
