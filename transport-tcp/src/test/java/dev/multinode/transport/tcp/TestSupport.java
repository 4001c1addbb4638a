package dev.multinode.transport.tcp;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;

/** Builds contexts and transports and collects frames for the tests. */
final class TestSupport {

    /** The secret of the test runs. */
    static final String SECRET = "test-secret-0123456789";
    /** How long a test waits for anything before failing. */
    static final long WAIT_NANOS = 10_000_000_000L;

    private TestSupport() {
    }

    /** @return a context with the conductor and {@code nodes} nodes named node-1, node-2, ... */
    static TransportContext context(int nodes, int maxFrameSize, Map<String, String> properties) {
        List<String> names = new ArrayList<>();
        names.add("conductor");
        for (int i = 1; i <= nodes; i++) {
            names.add("node-" + i);
        }
        return new TransportContext("run-" + System.nanoTime(), Path.of("target"), names, maxFrameSize, LaunchMode.THREAD,
                SECRET, properties);
    }

    static TcpTransport open(TransportContext context) throws IOException {
        return (TcpTransport) new TcpTransportProvider().open(context);
    }

    static TcpTransport open(int nodes, int maxFrameSize, Map<String, String> properties) throws IOException {
        return open(context(nodes, maxFrameSize, properties));
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

    /** Polls the endpoints into their {@link Received} until each has its expected count; fails after {@link #WAIT_NANOS}. */
    static void pollUntil(List<? extends Endpoint> endpoints, List<Received> received, List<Integer> expected) {
        BackoffIdleStrategy idle = new BackoffIdleStrategy();
        long start = System.nanoTime();
        while (true) {
            boolean done = true;
            int work = 0;
            for (int i = 0; i < endpoints.size(); i++) {
                work += endpoints.get(i).poll(received.get(i), 64);
                done &= received.get(i).frames.size() >= expected.get(i);
            }
            if (done) {
                return;
            }
            if (System.nanoTime() - start > WAIT_NANOS) {
                throw new AssertionError("Timed out waiting for the frames: expected " + expected + ", got " + sizes(received));
            }
            idle.idle(work);
        }
    }

    private static List<Integer> sizes(List<Received> received) {
        List<Integer> sizes = new ArrayList<>();
        for (Received r : received) {
            sizes.add(r.frames.size());
        }
        return sizes;
    }

    /** @return a payload holding the given ints, positioned at 0 */
    static ByteBuffer ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.flip();
    }

    /** One received frame, with its payload copied. */
    record Frame(int from, int type, byte[] payload) {

        ByteBuffer buffer() {
            return ByteBuffer.wrap(payload);
        }
    }

    /** Keeps copies of the frames it receives, in arrival order; thread-safe for reading its size. */
    static final class Received implements FrameReceiver {

        final List<Frame> frames = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onFrame(int from, int type, ByteBuffer payload) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            frames.add(new Frame(from, type, bytes));
        }

        List<Frame> from(int sender) {
            synchronized (frames) {
                return frames.stream().filter(f -> f.from() == sender).toList();
            }
        }
    }
}
