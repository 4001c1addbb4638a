package dev.multinode.runtime.node;

import dev.multinode.spi.Scheduler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Threads parked through the scheduler until a condition holds, and the wake-up that has them look
 * again: what a lock's wait and notify did, in a form a simulating scheduler can run (it hands
 * control on only at its own parks). A thread joins before it first checks its condition, so a
 * change made after that check is always followed by a wake-up it gets.
 */
final class ParkedThreads {

    private final Scheduler scheduler;
    private final Set<Thread> parked = ConcurrentHashMap.newKeySet();

    ParkedThreads(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Parks the calling thread until the condition holds, the deadline passes or the thread is
     * interrupted; whoever makes the condition true calls {@link #wakeAll} afterwards.
     *
     * @param condition     what the thread waits for
     * @param deadlineNanos when to give up, on the scheduler's clock
     * @return whether the condition holds
     * @throws InterruptedException if the thread was interrupted before the condition held; the
     *     interrupt status is cleared
     */
    boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        Thread self = Thread.currentThread();
        parked.add(self);
        try {
            while (!condition.getAsBoolean()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (scheduler.nanoTime() - deadlineNanos >= 0) {
                    return false;
                }
                scheduler.parkUntil(deadlineNanos);
            }
            return true;
        } finally {
            parked.remove(self);
        }
    }

    /** Unparks every waiting thread, so that each checks its condition again. */
    void wakeAll() {
        for (Thread thread : parked) {
            scheduler.unpark(thread);
        }
    }
}
