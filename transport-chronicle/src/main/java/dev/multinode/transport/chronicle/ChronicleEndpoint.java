package dev.multinode.transport.chronicle;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A participant's endpoint: it appends to the receivers' inboxes and tails its own inbox from the
 * start, so frames sent before it opened (perhaps by another JVM) are delivered too.
 *
 * <p>Polled payloads are copied into one direct buffer sized to the frame limit rather than handed
 * out as views of the mapped file: a view would need a new {@link ByteBuffer} per frame, and would
 * point into memory Chronicle may unmap once the document is released.
 */
final class ChronicleEndpoint implements Endpoint {

    private final int participant;
    private final List<String> participants;
    private final int maxFrameSize;
    private final ChronicleTransport transport;
    /** Guarded by {@code this}, like {@link #frame}: polling and closing exclude each other. */
    private final ExcerptTailer tailer;
    private final ByteBuffer frame;
    /** Null unless every participant lives in this JVM: then appends wake this endpoint's poller. */
    private final FrameSignal signal;
    /** Frames polled so far, by the one polling thread: what {@link #signal} compares with. */
    private long polled;
    private volatile boolean closed;

    ChronicleEndpoint(int participant, List<String> participants, int maxFrameSize,
                      ChronicleTransport transport, ExcerptTailer tailer, FrameSignal signal) {
        this.participant = participant;
        this.participants = participants;
        this.maxFrameSize = maxFrameSize;
        this.transport = transport;
        this.tailer = tailer;
        this.frame = ByteBuffer.allocateDirect(maxFrameSize);
        this.signal = signal;
    }

    @Override
    public int participant() {
        return participant;
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        if (closed) {
            throw new IllegalStateException("the endpoint of participant '" + participants.get(participant)
                    + "' is closed");
        }
        if (type < MIN_TYPE || type > MAX_TYPE) {
            throw new IllegalArgumentException("frame type " + type + " is outside " + MIN_TYPE + ".." + MAX_TYPE);
        }
        if (to < 0 || to >= participants.size()) {
            throw new IllegalArgumentException("no participant with index " + to + "; indexes run from 0 to "
                    + (participants.size() - 1));
        }
        int size = payload.remaining();
        if (size > maxFrameSize) {
            throw new IllegalArgumentException("frame of " + size + " bytes to participant '" + participants.get(to)
                    + "' exceeds the limit of " + maxFrameSize + " bytes");
        }
        transport.inbox(to).append(participant, type, payload);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns 0 once the endpoint is closed. A receiver that throws loses only the frame it was
     * handed: that frame is already consumed, the next poll continues after it.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    @Override
    public synchronized int poll(FrameReceiver receiver, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("poll limit must be 0 or more, was " + limit);
        }
        int delivered = 0;
        while (delivered < limit && !closed) {
            int from;
            int type;
            boolean interrupted = Thread.interrupted(); // see Inbox.append: interrupts can close files
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    break;
                }
                Bytes<?> bytes = document.wire().bytes();
                from = FrameRecord.readSender(bytes);
                type = FrameRecord.readType(bytes);
                FrameRecord.readPayload(bytes, frame);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            delivered++;
            polled++;
            // Outside the document, so the frame counts as read even if the receiver throws.
            receiver.onFrame(from, type, frame);
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only where every participant lives in this JVM (thread launch): there every sender counts its
     * appends and wakes this endpoint's poller. Elsewhere a sender may be another process, which
     * nothing here can hear: it returns {@code false} and the runtime polls.
     */
    @Override
    public boolean awaitFrames(long timeoutNanos) {
        if (signal == null) {
            return false;
        }
        if (!closed && timeoutNanos > 0) {
            signal.await(polled, timeoutNanos);
        }
        return true;
    }

    /** Closes the tailer, after a poll in progress on another thread has returned. */
    @Override
    public void close() {
        closed = true;
        if (signal != null) {
            signal.wake();
        }
        synchronized (this) {
            if (tailer.isClosed()) {
                return;
            }
            tailer.close();
        }
    }
}
