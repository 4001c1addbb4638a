package dev.multinode.bench;

import dev.multinode.MultiNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * How long a partition takes to come into force across five nodes' relays, as a body sees it: each
 * node serves an endpoint and holds a relayed connection to every other node's, then node-a
 * partitions {node-a, node-b} from the other three and heals, in turn; each {@code partition} call
 * returns once the blackholes are in force at both ends of every crossing link (frames and relays).
 */
final class RelayPartitionTime {

    static final List<String> ROLES = List.of("node-a", "node-b", "node-c", "node-d", "node-e");
    private static final String MEASURER = "node-a";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RelayPartitionTime() {
    }

    /**
     * @param warmup   partition-heal pairs before measuring, 0 or more
     * @param measured partition-heal pairs measured, 1 or more
     * @return each measured partition call's duration, in nanoseconds
     * @throws IOException if the result file cannot be made or read
     */
    static Histogram run(int warmup, int measured) throws IOException {
        try (TempFolder folder = TempFolder.create("multinode-bench-relay-partition-")) {
            Path result = folder.path().resolve("partition.hgrm");
            String resultFile = result.toString();
            MultiNode.spec(ROLES.toArray(String[]::new)).name("HarnessBenchmark-relay-partition").timeout(TIMEOUT)
                    .run(node -> {
                        node.port("bench");
                        ServerSocket server = node.closeOnStop(new ServerSocket());
                        server.bind(node.address(node.role(), "bench"));
                        node.enterBarrier("serving");
                        for (String other : node.roles()) {
                            if (!node.isRole(other)) {
                                node.closeOnStop(new Socket()).connect(node.address(other, "bench"), 10_000);
                            }
                        }
                        node.enterBarrier("connected");
                        if (node.isRole(MEASURER)) {
                            Histogram partitions = Histograms.create();
                            for (int i = 0; i < warmup + measured; i++) {
                                long called = System.nanoTime();
                                node.faults().partition(Set.of("node-a", "node-b"), Set.of("node-c", "node-d", "node-e"));
                                long inForce = System.nanoTime();
                                node.faults().heal();
                                if (i >= warmup) {
                                    Histograms.record(partitions, inForce - called);
                                }
                            }
                            Histograms.write(partitions, Path.of(resultFile));
                        }
                        node.enterBarrier("measured");
                    });
            return Histograms.read(result, MEASURER);
        }
    }
}
