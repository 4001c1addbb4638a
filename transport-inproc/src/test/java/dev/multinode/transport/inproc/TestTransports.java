package dev.multinode.transport.inproc;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.TransportContext;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;

/** Builds transports and collects frames for the tests. */
final class TestTransports {

    /** How long a test waits for anything before failing. */
    static final long WAIT_NANOS = 10_000_000_000L;

    private TestTransports() {
    }

    /** @return a context with the conductor and {@code nodes} nodes named node-1, node-2, ... */
    static TransportContext context(int nodes, int maxFrameSize, Map<String, String> properties) {
        List<String> names = new ArrayList<>();
        names.add("conductor");
        for (int i = 1; i <= nodes; i++) {
            names.add("node-" + i);
        }
        return new TransportContext("run-1", Path.of("target"), names, maxFrameSize, LaunchMode.THREAD, "secret",
                properties);
    }

    static InProcTransport open(int nodes, int maxFrameSize, Map<String, String> properties) {
        return (InProcTransport) new InProcTransportProvider().open(context(nodes, maxFrameSize, properties));
    }

    static InProcTransport open(int nodes, int maxFrameSize) {
        return open(nodes, maxFrameSize, Map.of());
    }

    /** Waits, backing off, until the condition holds; fails the test after {@link #WAIT_NANOS}. */
    static void awaitCondition(String what, BooleanSupplier condition) {
        BackoffIdleStrategy idle = new BackoffIdleStrategy();
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > WAIT_NANOS) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            idle.idle();
        }
    }

    /** Polls until {@code count} frames arrived in total; fails the test after {@link #WAIT_NANOS}. */
    static Received receive(Endpoint endpoint, int count) {
        Received received = new Received();
        awaitCondition(count + " frames arrived at " + endpoint + " (got " + received.frames.size() + ")", () -> {
            endpoint.poll(received, count - received.frames.size());
            return received.frames.size() >= count;
        });
        return received;
    }

    static ByteBuffer bytes(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length);
        for (int value : values) {
            buffer.put((byte) value);
        }
        return buffer.flip();
    }

    /** One received frame, copied out of the ring. */
    record Frame(int from, int type, byte[] payload) {
    }

    /** Copies every frame it receives. */
    static final class Received implements FrameReceiver {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void onFrame(int from, int type, ByteBuffer payload) {
            byte[] copy = new byte[payload.remaining()];
            payload.duplicate().get(copy);
            frames.add(new Frame(from, type, copy));
        }
    }
}
