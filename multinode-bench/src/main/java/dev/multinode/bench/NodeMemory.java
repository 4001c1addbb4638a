package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Memory per node: the heap a run of thread nodes holds while they all wait at a barrier, after a
 * full collection, less the heap held after one before the run, divided by the number of nodes.
 * It counts what the harness and the transport keep per node in one JVM. A process node's cost is
 * its whole JVM: the resident set each node process reports while they all wait at a barrier.
 */
final class NodeMemory {

    /** The process nodes of the resident-set run: a spec's usual size. */
    static final int PROCESS_NODES = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Where Linux reports a process's resident set, as a {@code VmRSS:  <n> kB} line. */
    private static final Path STATUS = Path.of("/proc/self/status");

    private NodeMemory() {
    }

    /**
     * @param nodes how many thread nodes
     * @return heap bytes per node
     * @throws IOException if the result file cannot be made or read
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    static long bytesPerNode(int nodes) throws IOException {
        try (TempFolder folder = TempFolder.create("multinode-bench-memory-")) {
            Path result = folder.path().resolve("heap.txt");
            String resultFile = result.toString();
            List<String> roles = Roles.numbered(nodes);
            String measurer = roles.get(0);
            long before = heapAfterGc();
            MultiNode.spec(roles.toArray(String[]::new)).name("HarnessBenchmark-memory-" + nodes)
                    .launch(LaunchMode.THREAD).timeout(TIMEOUT).run(node -> {
                node.enterBarrier("all-up");
                if (node.isRole(measurer)) {
                    Files.writeString(Path.of(resultFile), Long.toString(heapAfterGc()));
                }
                node.enterBarrier("measured");
            });
            return (Long.parseLong(Files.readString(result).trim()) - before) / nodes;
        }
    }

    /**
     * @return the median resident set of a node process, in bytes, with the launcher's own node JVM
     *     flags; empty where the platform does not report it (not Linux)
     * @throws IOException if the result file cannot be made or read
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    static OptionalLong residentBytesPerProcessNode() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return OptionalLong.empty();
        }
        try (TempFolder folder = TempFolder.create("multinode-bench-rss-")) {
            Path result = folder.path().resolve("rss.txt");
            String resultFile = result.toString();
            MultiNode.spec(Roles.numbered(PROCESS_NODES).toArray(String[]::new)).name("HarnessBenchmark-rss")
                    .launch(LaunchMode.PROCESS).timeout(TIMEOUT).run(node -> {
                node.enterBarrier("all-up");
                // one short O_APPEND write per node: the processes' lines cannot interleave
                Files.writeString(Path.of(resultFile), residentKib() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                node.enterBarrier("measured");
            });
            List<Long> kib = Files.readAllLines(result, StandardCharsets.UTF_8).stream().map(Long::parseLong).toList();
            return OptionalLong.of(StartupStats.median(kib) * 1024);
        }
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(STATUS, StandardCharsets.US_ASCII).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException(STATUS + " has no VmRSS line"));
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
