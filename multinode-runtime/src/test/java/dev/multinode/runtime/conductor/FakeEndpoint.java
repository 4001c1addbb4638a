package dev.multinode.runtime.conductor;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** The conductor's endpoint without a transport: frames fed by the test, frames sent kept for it to read. */
final class FakeEndpoint implements Endpoint {

    /**
     * A frame.
     *
     * @param peer    who sent it (fed) or whom it is for (sent)
     * @param type    its type
     * @param payload a copy of its bytes
     */
    record Frame(int peer, int type, ByteBuffer payload) {
    }

    private final Queue<Frame> inbound = new ArrayDeque<>();
    private final List<Frame> sent = new ArrayList<>();

    /** Queues a frame for the conductor's next poll. */
    void feed(int from, int type, ByteBuffer payload) {
        inbound.add(new Frame(from, type, copy(payload)));
    }

    /** @return every frame the conductor sent, in order */
    List<Frame> sent() {
        return sent;
    }

    @Override
    public int participant() {
        return 0;
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        sent.add(new Frame(to, type, copy(payload)));
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        int delivered = 0;
        while (delivered < limit && !inbound.isEmpty()) {
            Frame frame = inbound.remove();
            receiver.onFrame(frame.peer(), frame.type(), frame.payload().duplicate());
            delivered++;
        }
        return delivered;
    }

    @Override
    public void close() {
        inbound.clear();
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.duplicate()).flip();
        return copy;
    }
}
