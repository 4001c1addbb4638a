package dev.multinode.bench;

import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Barrier latency: three nodes enter barriers {@code b-0}, {@code b-1}, ... in a loop; the first
 * node records the time between successive returns of {@link dev.multinode.Node#enterBarrier}.
 */
final class HarnessBarrierLatency {

    static final String RECORDER = "node-a";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private HarnessBarrierLatency() {
    }

    /**
     * Runs the barrier loop as one multinode run.
     *
     * @param warmup   barriers passed before measuring
     * @param measured barrier intervals recorded
     * @return the measured intervals, in nanoseconds
     * @throws IOException if the result file cannot be made or read
     * @throws IllegalArgumentException if a count is out of range
     */
    static Histogram run(int warmup, int measured) throws IOException {
        if (warmup < 0 || measured < 1) {
            throw new IllegalArgumentException("Barrier warmup " + warmup + " and measured " + measured
                    + ": accepted warmup 0 or more, measured 1 or more");
        }
        Path result = Files.createTempFile("multinode-bench-barrier-", ".hgrm");
        try {
            String resultFile = result.toString();
            MultiNode.spec(RECORDER, "node-b", "node-c").name("HarnessBenchmark-barrier").timeout(TIMEOUT)
                    .jvmArgs(HarnessBenchmark.STEADY_STATE_JVM_ARGS).run(node -> {
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
                if (node.isRole(RECORDER)) {
                    Histograms.write(intervals, Path.of(resultFile));
                }
            });
            return Histograms.read(result, RECORDER);
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
