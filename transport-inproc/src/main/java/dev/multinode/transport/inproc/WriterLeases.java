package dev.multinode.transport.inproc;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The leases writers hold on an inbox's memory while they copy a frame into it, and whether the
 * inbox closed. Every frame written takes and returns a lease, so the count sits alone on its cache
 * line: in the middle of an array whose other slots stay unused, so that no object the reader or
 * the other writers read on every frame (a frame handler, the ring's fields) can share its line and
 * miss each time a frame is written. The closed flag, read on every frame by the reader and the
 * senders, lives apart from the count for the same reason and changes once.
 */
final class WriterLeases {

    /** A cache line's worth of int slots either side of the count. */
    private static final int COUNT_SLOT = 16;
    /** Set in the count once closed; the bits below count the leases held. */
    private static final int CLOSED_BIT = 1 << 30;

    private final AtomicIntegerArray slots = new AtomicIntegerArray(2 * COUNT_SLOT + 1);
    private final ClosedFlag closedFlag = new ClosedFlag();

    /** @return whether the lease was taken: false once closed */
    boolean acquire() {
        int current;
        do {
            current = slots.get(COUNT_SLOT);
            if ((current & CLOSED_BIT) != 0) {
                return false;
            }
        } while (!slots.compareAndSet(COUNT_SLOT, current, current + 1));
        return true;
    }

    /** @return whether this was the last lease of a closed inbox, whose memory may now be freed */
    boolean release() {
        return slots.decrementAndGet(COUNT_SLOT) == CLOSED_BIT;
    }

    /** Refuses leases from now on; those held stay until released. Idempotent. */
    void close() {
        closedFlag.closed = true;
        slots.getAndAccumulate(COUNT_SLOT, CLOSED_BIT, (current, bit) -> current | bit);
    }

    /** @return whether {@link #close} was called */
    boolean isClosed() {
        return closedFlag.closed;
    }

    /** @return whether closed with no lease held */
    boolean closedAndReleased() {
        return slots.get(COUNT_SLOT) == CLOSED_BIT;
    }

    /** The flag between two cache lines of padding: it is read on every frame, by every thread. */
    @SuppressWarnings("unused")
    private static final class ClosedFlag {
        private long p01, p02, p03, p04, p05, p06, p07, p08;
        volatile boolean closed;
        private long p11, p12, p13, p14, p15, p16, p17, p18;
    }
}
