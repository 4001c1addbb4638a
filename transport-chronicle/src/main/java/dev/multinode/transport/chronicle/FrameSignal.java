package dev.multinode.transport.chronicle;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes an inbox's reader when a frame is appended while it sleeps, for a run whose participants
 * all live in this JVM (thread launch): a sender of another process could not ring it, so runs that
 * span processes keep polling. Senders count the frames they appended; the reader compares that
 * count with the frames it polled, so it sleeps only when it has read everything. The reader
 * announces itself before it looks at the count, a sender looks for it after counting (both
 * volatile, a Dekker pair): the reader either sees the frame or is unparked.
 */
final class FrameSignal {

    private final AtomicLong appended = new AtomicLong();
    /** The reader while it sleeps or is about to; null while it works. */
    private volatile Thread sleeper;

    /** On a sender's thread, after its frame is in the queue (or on the close): wakes a sleeping reader. */
    void appended() {
        appended.incrementAndGet();
        wake();
    }

    /** Wakes a sleeping reader without a frame (the endpoint closed). */
    void wake() {
        Thread reader = sleeper;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }

    /**
     * On the reader's thread: sleeps for at most {@code timeoutNanos} unless more frames were
     * appended than it has read.
     *
     * @param read         how many frames the reader has polled so far
     * @param timeoutNanos the longest sleep
     */
    void await(long read, long timeoutNanos) {
        sleeper = Thread.currentThread();
        try {
            if (appended.get() == read) {
                LockSupport.parkNanos(this, timeoutNanos);
            }
        } finally {
            sleeper = null;
        }
    }
}
