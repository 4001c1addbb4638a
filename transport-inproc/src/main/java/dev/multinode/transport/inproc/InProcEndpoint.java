package dev.multinode.transport.inproc;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A participant's endpoint on the in-process transport: it writes frames straight into the
 * receiver's inbox and reads its own. Neither path allocates per frame; only a send that finds
 * the receiver full allocates, to back off.
 */
final class InProcEndpoint implements Endpoint {

    private final InProcTransport transport;
    private final int participant;
    private final Inbox inbox;

    InProcEndpoint(InProcTransport transport, int participant, Inbox inbox) {
        this.transport = transport;
        this.participant = participant;
        this.inbox = inbox;
    }

    @Override
    public int participant() {
        return participant;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A frame to a participant whose endpoint is closed is discarded. A full receiver is waited
     * for, backing off to parking, for {@value InProcTransport#SEND_TIMEOUT_PROPERTY} (5 s unless set).
     *
     * @throws IllegalArgumentException if {@code to} or {@code type} is out of range, or the payload
     *     exceeds the frame size limit
     * @throws IllegalStateException if this endpoint is closed, the receiver stays full too long, or
     *     the thread is interrupted while waiting (its interrupt status is kept)
     */
    @Override
    public void send(int to, int type, ByteBuffer payload) {
        Objects.requireNonNull(payload, "payload");
        if (inbox.isClosed()) {
            throw new IllegalStateException("The endpoint of participant '" + transport.name(participant)
                    + "' is closed: cannot send");
        }
        Inbox target = transport.inbox(to);
        if (type < MIN_TYPE || type > MAX_TYPE) {
            throw new IllegalArgumentException("Frame type " + type + " is out of range: accepted "
                    + MIN_TYPE + " to " + MAX_TYPE);
        }
        if (payload.remaining() > transport.maxFrameSize()) {
            throw new IllegalArgumentException("frame of " + payload.remaining() + " bytes to participant '"
                    + transport.name(to) + "' exceeds the limit of " + transport.maxFrameSize() + " bytes");
        }
        if (target.offer(participant, type, payload) == Inbox.FULL) {
            awaitRoom(to, target, type, payload);
        }
    }

    private void awaitRoom(int to, Inbox target, int type, ByteBuffer payload) {
        IdleStrategy idle = new BackoffIdleStrategy();
        long start = System.nanoTime();
        long timeoutNanos = transport.sendTimeout().toNanos();
        do {
            if (inbox.isClosed()) {
                throw new IllegalStateException("The endpoint of participant '" + transport.name(participant)
                        + "' was closed while waiting to send to participant '" + transport.name(to) + "'");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while waiting for room in the inbox of participant '"
                        + transport.name(to) + "'");
            }
            if (System.nanoTime() - start >= timeoutNanos) {
                throw new IllegalStateException("The inbox of participant '" + transport.name(to) + "' ("
                        + target.capacity() + " bytes) stayed full for " + transport.sendTimeout().toMillis()
                        + " ms: it is not polling fast enough (" + InProcTransport.SEND_TIMEOUT_PROPERTY + ")");
            }
            idle.idle();
        } while (target.offer(participant, type, payload) == Inbox.FULL);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The payload is a read-only view of the inbox's memory; copy what must outlive the call.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    @Override
    public int poll(FrameReceiver receiver, int limit) {
        Objects.requireNonNull(receiver, "receiver");
        if (limit < 0) {
            throw new IllegalArgumentException("Poll limit " + limit + " is negative: accepted 0 or more frames");
        }
        return inbox.drain(receiver, limit);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sleeps until a sender rings the inbox's doorbell, which only a sender that finds this
     * endpoint asleep does.
     *
     * @return {@code true}: this endpoint wakes when a frame arrives
     */
    @Override
    public boolean awaitFrames(long timeoutNanos) {
        inbox.await(timeoutNanos);
        return true;
    }

    /** Closes the inbox: frames waiting in it are dropped and later ones discarded. Idempotent. */
    @Override
    public void close() {
        inbox.close();
    }

    @Override
    public String toString() {
        return "inproc endpoint of participant '" + transport.name(participant) + "' (index " + participant + ")";
    }
}
