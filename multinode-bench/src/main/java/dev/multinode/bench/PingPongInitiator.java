package dev.multinode.bench;

import dev.multinode.FrameHandler;
import dev.multinode.Node;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The harness ping-pong's initiating node: its frame handler times each echo and sends the next
 * ping straight from the receiver thread, so no message waits for the body thread.
 */
final class PingPongInitiator implements FrameHandler {

    private final Node node;
    private final String peer;
    private final RoundTrips roundTrips;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * @param node this node
     * @param peer the role that echoes
     * @param plan the message size and counts
     */
    PingPongInitiator(Node node, String peer, PingPongPlan plan) {
        this.node = node;
        this.peer = peer;
        this.roundTrips = new RoundTrips(plan);
    }

    /** Sends the first ping; every later one is sent by {@link #onFrame}. */
    void start() {
        node.send(peer, roundTrips.nextPing());
    }

    @Override
    public void onFrame(String fromRole, ByteBuffer frame) {
        long now = System.nanoTime();
        if (roundTrips.onEcho(now, frame.getLong(frame.position()), frame.remaining())) {
            node.send(peer, roundTrips.nextPing());
        } else {
            finished.countDown();
        }
    }

    /**
     * Waits for the last echo.
     *
     * @param timeout how long the whole ping-pong may take
     * @return the measured round trips
     * @throws InterruptedException if interrupted, as when the handler fails and the run aborts
     * @throws IllegalStateException if the last echo does not come in time
     */
    Histogram await(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("The ping-pong between " + node.role() + " and " + peer
                    + " did not finish within " + timeout.toMillis() + " ms");
        }
        return roundTrips.histogram();
    }
}
