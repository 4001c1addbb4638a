package dev.multinode.bench;

import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Pause and resume times as a body sees them: how long {@code faults().pause("node-b")} and
 * {@code faults().resume("node-b")} take, each of which returns once the fault is in force. node-b's
 * body waits at the run's last barrier meanwhile.
 */
final class PauseResumeTime {

    static final String MEASURER = "node-a";
    static final String PAUSED = "node-b";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param pause  each pause call's duration, in nanoseconds
     * @param resume each resume call's duration, in nanoseconds
     */
    record Times(Histogram pause, Histogram resume) {
    }

    private PauseResumeTime() {
    }

    /**
     * Pauses and resumes node-b in turn in one run, with the launcher's own node JVM flags.
     *
     * @param warmup   pause-resume pairs before measuring, 0 or more ({@link BenchConfig} checks the counts)
     * @param measured pause-resume pairs measured, 1 or more
     * @return the measured calls' durations
     * @throws IOException if the result files cannot be made or read
     */
    static Times run(int warmup, int measured) throws IOException {
        try (TempFolder folder = TempFolder.create("multinode-bench-pause-")) {
            Path pauseResult = folder.path().resolve("pause.hgrm");
            Path resumeResult = folder.path().resolve("resume.hgrm");
            String pauseFile = pauseResult.toString();
            String resumeFile = resumeResult.toString();
            MultiNode.spec(MEASURER, PAUSED).name("HarnessBenchmark-pause").timeout(TIMEOUT).run(node -> {
                if (node.isRole(MEASURER)) {
                    Histogram pauses = Histograms.create();
                    Histogram resumes = Histograms.create();
                    for (int i = 0; i < warmup + measured; i++) {
                        long called = System.nanoTime();
                        node.faults().pause(PAUSED);
                        long paused = System.nanoTime();
                        node.faults().resume(PAUSED);
                        long resumed = System.nanoTime();
                        if (i >= warmup) {
                            Histograms.record(pauses, paused - called);
                            Histograms.record(resumes, resumed - paused);
                        }
                    }
                    Histograms.write(pauses, Path.of(pauseFile));
                    Histograms.write(resumes, Path.of(resumeFile));
                }
                node.enterBarrier("measured");
            });
            return new Times(Histograms.read(pauseResult, MEASURER), Histograms.read(resumeResult, MEASURER));
        }
    }
}
