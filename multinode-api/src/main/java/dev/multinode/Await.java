package dev.multinode;

import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Polling with a deadline, for conditions that become true eventually. Time and pauses are those of
 * the calling thread's {@link Scheduler#current() scheduler}, so that the wait also works in a
 * simulated run.
 */
public final class Await {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Await() {
    }

    /**
     * Runs {@code assertion} until it completes without throwing, or the timeout passes. Pauses
     * between attempts grow from 1 ms to 50 ms.
     *
     * @param assertion the check, which throws while the condition does not hold
     * @param timeout   how long to keep trying
     * @throws AssertionError carrying the last failure when the timeout passes
     * @throws RunAbortedException if the thread is interrupted because the run was aborted
     */
    public static void awaitAssert(ThrowingRunnable assertion, Duration timeout) {
        Scheduler scheduler = Scheduler.current();
        long deadline = scheduler.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                assertion.run();
                return;
            } catch (Exception | AssertionError failure) {
                long now = scheduler.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    AssertionError timedOut = new AssertionError("awaitAssert: condition still failing after "
                            + timeout.toMillis() + " ms (" + attempts + " attempts): " + failure, failure);
                    throw timedOut;
                }
                scheduler.parkUntil(now + Math.min(pause, left));
                if (Thread.interrupted()) {
                    throw new RunAbortedException("awaitAssert interrupted: the run was aborted");
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }
}
