package dev.multinode.transport.inproc;

import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * One participant's inbox: a many-to-one ring buffer in direct memory that any thread may write
 * frames to and only the owner's polling thread reads.
 *
 * <p>The memory is freed on {@link #close}, which may race with writers and with the reader (a
 * node is killed from another thread). Each writer holds a lease while it writes; the reader marks
 * itself reading in state of its own (so the hot path shares no written cache line between reader
 * and writers); whoever finishes last after a close frees the memory, so nobody touches freed memory
 * and close never blocks, not even when a frame handler closes its own inbox.
 *
 * <p>A reader with nothing to read may {@linkplain #await sleep}; each frame written and the close
 * ring its {@link Doorbell}.
 */
final class Inbox implements AutoCloseable {

    /** {@link #offer} wrote the frame. */
    static final int OFFERED = 0;
    /** {@link #offer} found no room; the frame was not written. */
    static final int FULL = 1;
    /** {@link #offer} found the inbox closed; the frame was discarded. */
    static final int CLOSED = 2;

    /** The largest frame limit whose ring capacity (eight times as much) still fits an int. */
    static final int MAX_FRAME_SIZE = 1 << 27;
    /** Rings never get smaller, so that tiny frame limits still leave room for a backlog of frames. */
    static final int MIN_RING_CAPACITY = 64 * 1024;

    /** The sender index sits above the type's byte in a record's type id. */
    private static final int TYPE_BITS = 8;
    private static final int TYPE_MASK = (1 << TYPE_BITS) - 1;
    /** The most participants whose indices still keep an encoded type id positive. */
    static final int MAX_PARTICIPANTS = 1 << (Integer.SIZE - 1 - TYPE_BITS);

    private final ByteBuffer memory;
    private final ManyToOneRingBuffer ring;
    private final AtomicBuffer ringBuffer;
    private final ByteBuffer view;
    private final MessageHandler handler = this::onMessage;
    private final WriterLeases leases = new WriterLeases();
    private final ReaderState reader = new ReaderState();
    private final AtomicBoolean freed = new AtomicBoolean();
    private final Doorbell doorbell = new Doorbell();
    private final BooleanSupplier waiting = this::hasWaiting;

    /**
     * Allocates the ring.
     *
     * @param maxFrameSize the largest payload a frame may carry
     */
    Inbox(int maxFrameSize) {
        memory = ByteBuffer.allocateDirect(ringCapacity(maxFrameSize) + RingBufferDescriptor.TRAILER_LENGTH);
        ringBuffer = new UnsafeBuffer(memory);
        ring = new ManyToOneRingBuffer(ringBuffer);
        view = memory.asReadOnlyBuffer();
    }

    /**
     * Sizes a ring so that it takes frames of {@code maxFrameSize} bytes: Agrona accepts messages of
     * up to an eighth of the ring's capacity, which must be a power of two.
     *
     * @param maxFrameSize the largest payload a frame may carry, 0 to {@value #MAX_FRAME_SIZE}
     * @return the ring's capacity in bytes, without Agrona's trailer
     */
    static int ringCapacity(int maxFrameSize) {
        if (maxFrameSize < 0 || maxFrameSize > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize
                    + " is not supported by transport 'inproc': accepted 0 to " + MAX_FRAME_SIZE + " bytes");
        }
        return BitUtil.findNextPositivePowerOfTwo(Math.max(MIN_RING_CAPACITY, maxFrameSize * 8));
    }

    /** @return the ring's capacity in bytes */
    int capacity() {
        return ring.capacity();
    }

    /** @return whether the inbox was closed */
    boolean isClosed() {
        return leases.isClosed();
    }

    /**
     * Copies one frame into the ring without waiting. Safe to call from any number of threads.
     *
     * @param from    the sender's participant index
     * @param type    the frame type, 1 to 127
     * @param payload the bytes between position and limit; its position is left alone
     * @return {@link #OFFERED}, {@link #FULL} or {@link #CLOSED}
     */
    int offer(int from, int type, ByteBuffer payload) {
        if (!leases.acquire()) {
            return CLOSED;
        }
        try {
            int length = payload.remaining();
            int index = ring.tryClaim((from << TYPE_BITS) | type, length);
            if (index == RingBuffer.INSUFFICIENT_CAPACITY) {
                return FULL;
            }
            try {
                ringBuffer.putBytes(index, payload, payload.position(), length);
            } catch (RuntimeException | Error e) {
                // an unfinished claim would stall the reader forever
                ring.abort(index);
                throw e;
            }
            ring.commit(index);
            // after the claim moved the ring's tail, which a reader going to sleep looks at last
            doorbell.ring();
            return OFFERED;
        } finally {
            if (leases.release()) {
                freeIfUnused();
            }
        }
    }

    /**
     * Hands waiting frames to {@code frameReceiver}. Only one thread may call it at a time.
     *
     * @param frameReceiver gets each frame, as a read-only view of the ring valid during the call
     * @param limit         the most frames to deliver
     * @return how many frames were delivered; none once closed, even during this call
     */
    int drain(FrameReceiver frameReceiver, int limit) {
        reader.reading = true;
        try {
            if (isClosed()) {
                return 0;
            }
            reader.receiver = frameReceiver;
            reader.delivered = 0;
            ring.read(handler, limit);
            return reader.delivered;
        } finally {
            reader.receiver = null;
            reader.reading = false;
            if (isClosed()) {
                freeIfUnused();
            }
        }
    }

    /**
     * On the reader's thread: sleeps until a frame is written or the inbox closes, for at most
     * {@code timeoutNanos}; returns at once if a frame is waiting already. May return early.
     *
     * @param timeoutNanos the longest sleep
     */
    void await(long timeoutNanos) {
        if (timeoutNanos > 0) {
            doorbell.await(waiting, timeoutNanos);
        }
    }

    /**
     * @return whether a frame was claimed and not yet read (it may be still being written) or the
     *     inbox closed; reads the ring's positions only while the memory is sure to be there
     */
    private boolean hasWaiting() {
        reader.reading = true;
        try {
            return isClosed() || ring.producerPosition() != ring.consumerPosition();
        } finally {
            reader.reading = false;
            if (isClosed()) {
                freeIfUnused();
            }
        }
    }

    private void onMessage(int typeId, MutableDirectBuffer buffer, int index, int length) {
        if (isClosed()) {
            // closed by a frame handler, or killed from another thread, part way through a batch
            return;
        }
        // a receiver may have moved the view or changed its order; each frame starts afresh
        view.limit(index + length).position(index);
        view.order(ByteOrder.BIG_ENDIAN);
        reader.delivered++;
        reader.receiver.onFrame(typeId >>> TYPE_BITS, typeId & TYPE_MASK, view);
    }

    /** Discards frames from now on and frees the memory as soon as nobody uses it. Idempotent. */
    @Override
    public void close() {
        leases.close();
        doorbell.ring();
        freeIfUnused();
    }

    /**
     * Frees the memory once closed, with no writer lease and no reader inside. Both sides write their
     * own flag before reading the other's (volatile), so at least one of them sees the other gone.
     */
    private void freeIfUnused() {
        if (leases.closedAndReleased() && !reader.reading && freed.compareAndSet(false, true)) {
            BufferUtil.free(memory);
        }
    }

    /**
     * What only the reader writes, padded onto cache lines of its own so that writers' reads of the
     * inbox's final fields never miss because the reader wrote next to them.
     */
    @SuppressWarnings("unused")
    private static final class ReaderState {
        private long p01, p02, p03, p04, p05, p06, p07, p08;
        volatile boolean reading;
        FrameReceiver receiver;
        int delivered;
        private long p11, p12, p13, p14, p15, p16, p17, p18;
    }
}
