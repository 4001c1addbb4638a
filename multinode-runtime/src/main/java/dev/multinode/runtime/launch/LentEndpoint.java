package dev.multinode.runtime.launch;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A thread node's endpoint, lent for one incarnation. Closing it closes the transport's endpoint,
 * unless a restart of the role {@linkplain #keep() is coming}: then it is given back for the next
 * incarnation to borrow. Once closed it refuses every use, so a thread the old incarnation left
 * running can never send or poll on the new one's behalf.
 */
final class LentEndpoint implements Endpoint {

    private final Endpoint endpoint;
    private final CompletableFuture<Void> returned = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile boolean kept;

    LentEndpoint(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public int participant() {
        return endpoint.participant();
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        if (closed) {
            throw new IllegalStateException("The endpoint of participant " + endpoint.participant()
                    + " was given back by its incarnation");
        }
        endpoint.send(to, type, payload);
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        return closed ? 0 : endpoint.poll(receiver, limit);
    }

    /**
     * Once given back it no longer waits on the transport's endpoint, which a next incarnation may
     * be waiting on: a thread the old one left running backs off its own way instead.
     */
    @Override
    public boolean awaitFrames(long timeoutNanos) {
        return !closed && endpoint.awaitFrames(timeoutNanos);
    }

    @Override
    public void wakeUp() {
        endpoint.wakeUp();
    }

    /** The role restarts: closing gives the transport's endpoint back instead of closing it. */
    void keep() {
        kept = true;
    }

    /** Called once the incarnation's receiver no longer polls it. */
    @Override
    public void close() {
        closed = true;
        if (!kept) {
            endpoint.close();
        }
        returned.complete(null);
    }

    /** @return the transport's endpoint, for the next incarnation */
    Endpoint endpoint() {
        return endpoint;
    }

    /** @return completes when the incarnation gave the endpoint back */
    CompletableFuture<Void> returned() {
        return returned;
    }
}
