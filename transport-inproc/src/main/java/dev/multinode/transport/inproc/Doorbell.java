package dev.multinode.transport.inproc;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Wakes an inbox's reader when a frame arrives while it sleeps. The reader announces itself before
 * it parks and looks at the ring once more afterwards; a writer looks for it after its frame is in
 * the ring. Both are volatile accesses, so at least one of the two sees the other's (a Dekker
 * pair): the reader either finds the frame or is unparked, and no wake-up is lost. Only a writer
 * that finds the reader asleep pays for the unpark; the others read one field.
 *
 * <p>The field sits on cache lines of its own: the reader writes it only when it goes to sleep,
 * and writers, which read it on every frame, should not miss on the ring's fields because of it.
 */
@SuppressWarnings("unused")
final class Doorbell {

    private long p01, p02, p03, p04, p05, p06, p07, p08;
    /** The reader while it sleeps or is about to; null while it works. */
    private volatile Thread sleeper;
    private long p11, p12, p13, p14, p15, p16, p17, p18;

    /**
     * On the reader's thread: sleeps until rung, for at most {@code timeoutNanos}, unless
     * {@code waiting} says there is something to read after the reader announced itself.
     *
     * @param waiting      whether a frame is waiting (or the inbox closed), read after the announcement
     * @param timeoutNanos the longest sleep
     */
    void await(BooleanSupplier waiting, long timeoutNanos) {
        sleeper = Thread.currentThread();
        try {
            if (!waiting.getAsBoolean()) {
                LockSupport.parkNanos(this, timeoutNanos);
            }
        } finally {
            sleeper = null;
        }
    }

    /** On a writer's thread, after its frame is in the ring (or the inbox closed): wakes a sleeping reader. */
    void ring() {
        Thread reader = sleeper;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }
}
