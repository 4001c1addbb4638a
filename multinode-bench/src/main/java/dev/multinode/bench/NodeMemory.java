package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Memory per node: the heap a run of thread nodes holds while they all wait at a barrier, after a
 * full collection, less the heap held after one before the run, divided by the number of nodes.
 * It counts what the harness and the transport keep per node in one JVM; a process node's own JVM
 * costs more on top.
 */
final class NodeMemory {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

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

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
