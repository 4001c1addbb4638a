package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU while idle: a run of three thread nodes, two of them waiting at a barrier while the first
 * sleeps for a fixed interval before it joins them. The sleep is the scenario being measured, not a
 * wait for a condition. The JVM's CPU time over the interval (every node, the transport's threads,
 * the harness's, JIT and GC) divided by the interval is the share of one core the waiting run uses.
 * The same interval slept just before, without a run, shows what the JVM alone uses (JIT and GC
 * still catching up with the measurements before), so that the run's own share can be told apart.
 */
final class IdleCpu {

    /**
     * @param withNodes    the share of one core used while the nodes waited
     * @param withoutNodes the share used over the same interval just before, without a run
     */
    record Shares(double withNodes, double withoutNodes) {
    }

    /** The idle interval. */
    static final Duration IDLE = Duration.ofSeconds(2);
    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private IdleCpu() {
    }

    /**
     * @return the shares of one core used over the idle interval, with and without the run
     * @throws IOException if the result file cannot be made or read
     * @throws IllegalStateException if the platform does not report the process's CPU time
     * @throws InterruptedException if interrupted while sleeping without a run
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    static Shares measure() throws IOException, InterruptedException {
        double withoutNodes = shareOverIdle();
        try (TempFolder folder = TempFolder.create("multinode-bench-idle-")) {
            Path result = folder.path().resolve("idle.txt");
            String resultFile = result.toString();
            String sleeper = ROLES.get(0);
            MultiNode.spec(ROLES.toArray(String[]::new)).name("HarnessBenchmark-idle").launch(LaunchMode.THREAD)
                    .timeout(TIMEOUT).run(node -> {
                // every node up and connected first, so that start-up work is not counted
                node.enterBarrier("up");
                if (node.isRole(sleeper)) {
                    Files.writeString(Path.of(resultFile), Double.toString(shareOverIdle()));
                }
                node.enterBarrier("idle-over");
            });
            return new Shares(Double.parseDouble(Files.readString(result).trim()), withoutNodes);
        }
    }

    /** Sleeps for the idle interval: the scenario measured. @return the JVM's CPU time over it / its length */
    private static double shareOverIdle() throws InterruptedException {
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        return (double) (processCpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This platform does not report the process's CPU time"))
                .toNanos();
    }
}
