package dev.multinode.runtime.testing;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An endpoint with no transport behind it, for unit tests of the conductor and the node: it records
 * every frame sent, lets a test answer a send on the sending thread (as a conductor would, only
 * sooner), and hands a poller the frames a test queued for it. Safe for a test thread, a sender and
 * a poller at once.
 */
public final class FakeEndpoint implements Endpoint {

    /**
     * A frame sent or to be received, copied.
     *
     * @param peer    the receiver of a frame sent, the sender of a frame received
     * @param type    the frame type
     * @param payload the bytes
     */
    public record Frame(int peer, int type, byte[] payload) {
        /** @return the bytes, as a buffer of their own */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(payload);
        }
    }

    private final int participant;
    private final List<Frame> sent = new CopyOnWriteArrayList<>();
    private final Queue<Frame> inbox = new ConcurrentLinkedQueue<>();
    private volatile Consumer<Frame> onSend = frame -> { };
    private volatile boolean closed;

    /** @param participant whose endpoint this is */
    public FakeEndpoint(int participant) {
        this.participant = participant;
    }

    /** @param answer what to do, on the sender's thread, after each frame is recorded */
    public void onSend(Consumer<Frame> answer) {
        this.onSend = answer;
    }

    /** @return every frame sent so far, in order */
    public List<Frame> sent() {
        return sent;
    }

    /** @return the frames sent, once there are at least {@code count}, waiting at most {@code timeout} */
    public List<Frame> awaitSent(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("expected " + count + " frames within " + timeout.toMillis() + " ms, got " + sent);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return sent;
    }

    /** Queues a frame for the next poll, as if participant {@code from} had sent it. */
    public void deliver(int from, int type, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        inbox.add(new Frame(from, type, copy));
    }

    /** @return whether the endpoint was closed */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int participant() {
        return participant;
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        Frame frame = new Frame(to, type, copy);
        sent.add(frame);
        onSend.accept(frame);
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        int polled = 0;
        for (Frame frame; polled < limit && (frame = inbox.poll()) != null; polled++) {
            receiver.onFrame(frame.peer(), frame.type(), frame.buffer());
        }
        return polled;
    }

    @Override
    public void close() {
        closed = true;
    }
}
