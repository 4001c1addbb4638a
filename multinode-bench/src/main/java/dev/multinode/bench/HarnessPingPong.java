package dev.multinode.bench;

import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Ping-pong between two nodes over the harness ({@link dev.multinode.Node#send} and
 * {@link dev.multinode.Node#onReceive}), on the run's transport. The echoing node sends each frame
 * back from its handler; the initiator times it in its handler and sends the next one.
 */
final class HarnessPingPong {

    static final String INITIATOR = "node-a";
    static final String ECHO = "node-b";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private HarnessPingPong() {
    }

    /**
     * Runs the ping-pong as one multinode run.
     *
     * @param plan the message size and counts
     * @return the measured round trips, in nanoseconds
     * @throws IOException if the result file cannot be made or read
     */
    static Histogram run(PingPongPlan plan) throws IOException {
        Path result = Files.createTempFile("multinode-bench-pingpong-", ".hgrm");
        try {
            String resultFile = result.toString();
            MultiNode.spec(INITIATOR, ECHO).name("HarnessBenchmark-pingPong").timeout(TIMEOUT)
                    .jvmArgs(HarnessBenchmark.STEADY_STATE_JVM_ARGS).run(node -> {
                PingPongInitiator initiator = null;
                if (node.isRole(ECHO)) {
                    node.onReceive(node::send);
                } else {
                    initiator = new PingPongInitiator(node, ECHO, plan);
                    node.onReceive(initiator);
                }
                node.enterBarrier("handlers-set");
                if (initiator != null) {
                    initiator.start();
                    Histograms.write(initiator.await(TIMEOUT), Path.of(resultFile));
                }
                node.enterBarrier("ping-pong-done");
            });
            return Histograms.read(result, INITIATOR);
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
