package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Barrier latency: the nodes enter barriers {@code b-0}, {@code b-1}, ... in a loop; the first role
 * records the time between successive returns of {@link dev.multinode.Node#enterBarrier}.
 */
final class HarnessBarrierLatency {

    /** The roles of the default run's three-node barriers. */
    static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private HarnessBarrierLatency() {
    }

    /**
     * Runs the barrier loop as one multinode run, its node JVMs (in process launch) with
     * {@link HarnessBenchmark#STEADY_STATE_JVM_ARGS}.
     *
     * @param roles    the roles; the first records
     * @param launch   how their nodes start
     * @param warmup   barriers passed before measuring
     * @param measured barrier intervals recorded
     * @return the measured intervals, in nanoseconds
     * @throws IOException if the result file cannot be made or read
     * @throws IllegalArgumentException if a count is out of range
     * @throws dev.multinode.MultiNodeFailure if the run fails or outlasts its five minutes
     */
    static Histogram run(List<String> roles, LaunchMode launch, int warmup, int measured) throws IOException {
        if (warmup < 0 || measured < 1) {
            throw new IllegalArgumentException("Barrier warmup " + warmup + " and measured " + measured
                    + ": accepted warmup 0 or more, measured 1 or more");
        }
        Path result = Files.createTempFile("multinode-bench-barrier-", ".hgrm");
        try {
            String resultFile = result.toString();
            String recorder = roles.get(0);
            MultiNode.spec(roles.toArray(String[]::new)).name("HarnessBenchmark-barrier-" + roles.size()).launch(launch)
                    .timeout(TIMEOUT).jvmArgs(HarnessBenchmark.STEADY_STATE_JVM_ARGS).run(node -> {
                // the first interval ends at barrier warmup + 1, so one more barrier than intervals
                String[] names = new String[warmup + measured + 1];
                for (int i = 0; i < names.length; i++) {
                    names[i] = "b-" + i;
                }
                // every node records, so that all do the same work between barriers; only the recorder's is kept
                Histogram intervals = Histograms.create();
                long previous = 0;
                for (int i = 0; i < names.length; i++) {
                    node.enterBarrier(names[i]);
                    long now = System.nanoTime();
                    if (i > warmup) {
                        Histograms.record(intervals, now - previous);
                    }
                    previous = now;
                }
                if (node.isRole(recorder)) {
                    Histograms.write(intervals, Path.of(resultFile));
                }
            });
            return Histograms.read(result, recorder);
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
