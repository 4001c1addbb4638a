package dev.multinode.runtime.node;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An endpoint with no transport behind it: it records every frame sent, lets a test answer a send
 * on the sending thread (as a conductor would, only sooner), and receives nothing.
 */
final class FakeEndpoint implements Endpoint {

    /**
     * A frame sent, copied.
     *
     * @param to      the receiver
     * @param type    the frame type
     * @param payload the bytes
     */
    record Sent(int to, int type, byte[] payload) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(payload);
        }
    }

    private final int participant;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Consumer<Sent> onSend = frame -> { };
    private volatile boolean closed;

    FakeEndpoint(int participant) {
        this.participant = participant;
    }

    /** @param answer what to do, on the sender's thread, after each frame is recorded */
    void onSend(Consumer<Sent> answer) {
        this.onSend = answer;
    }

    List<Sent> sent() {
        return sent;
    }

    /** @return the frames sent, once there are at least {@code count}, waiting at most {@code timeout} */
    List<Sent> awaitSent(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("expected " + count + " frames within " + timeout.toMillis() + " ms, got " + sent);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return sent;
    }

    boolean isClosed() {
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
        Sent frame = new Sent(to, type, copy);
        sent.add(frame);
        onSend.accept(frame);
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
