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
 */
final class IdleCpu {

    /** The idle interval. */
    static final Duration IDLE = Duration.ofSeconds(2);
    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private IdleCpu() {
    }

    /**
     * @return the fraction of one core used over the idle interval
     * @throws IOException if the result file cannot be made or read
     * @throws IllegalStateException if the platform does not report the process's CPU time
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    static double measure() throws IOException {
        try (TempFolder folder = TempFolder.create("multinode-bench-idle-")) {
            Path result = folder.path().resolve("idle.txt");
            String resultFile = result.toString();
            String sleeper = ROLES.get(0);
            MultiNode.spec(ROLES.toArray(String[]::new)).name("HarnessBenchmark-idle").launch(LaunchMode.THREAD)
                    .timeout(TIMEOUT).run(node -> {
                // every node up and connected first, so that start-up work is not counted
                node.enterBarrier("up");
                if (node.isRole(sleeper)) {
                    long cpuBefore = processCpuNanos();
                    long wallBefore = System.nanoTime();
                    Thread.sleep(IDLE.toMillis());
                    long cpu = processCpuNanos() - cpuBefore;
                    long wall = System.nanoTime() - wallBefore;
                    Files.writeString(Path.of(resultFile), cpu + " " + wall);
                }
                node.enterBarrier("idle-over");
            });
            String[] fields = Files.readString(result).trim().split(" ");
            return Double.parseDouble(fields[0]) / Double.parseDouble(fields[1]);
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This platform does not report the process's CPU time"))
                .toNanos();
    }
}
