package dev.multinode.bench;

import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Restart time as a body sees it: how long {@code faults().restart("node-b")} takes, which returns
 * once node-b's new incarnation runs its body. node-b's body waits at the last barrier, where each
 * incarnation is killed in turn; the last one is released with the measuring node.
 */
final class RestartTime {

    static final String MEASURER = "node-a";
    static final String RESTARTED = "node-b";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RestartTime() {
    }

    /**
     * Restarts node-b {@code restarts} times in one run, with the launcher's own node JVM flags,
     * which are what a user's restarts get.
     *
     * @param restarts how many, 1 or more ({@link BenchConfig} checks it)
     * @return each restart call's duration, in nanoseconds
     * @throws IOException if the result file cannot be made or read
     */
    static Histogram run(int restarts) throws IOException {
        try (TempFolder folder = TempFolder.create("multinode-bench-restart-")) {
            Path result = folder.path().resolve("restart.hgrm");
            String resultFile = result.toString();
            MultiNode.spec(MEASURER, RESTARTED).name("HarnessBenchmark-restart").timeout(TIMEOUT).run(node -> {
                if (node.isRole(MEASURER)) {
                    Histogram times = Histograms.create();
                    for (int i = 0; i < restarts; i++) {
                        long called = System.nanoTime();
                        node.faults().restart(RESTARTED);
                        Histograms.record(times, System.nanoTime() - called);
                    }
                    Histograms.write(times, Path.of(resultFile));
                }
                node.enterBarrier("restarted");
            });
            return Histograms.read(result, MEASURER);
        }
    }
}
