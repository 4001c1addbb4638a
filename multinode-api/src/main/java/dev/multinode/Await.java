package dev.multinode;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Polling with a deadline, for conditions that become true eventually. */
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
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                assertion.run();
                return;
            } catch (Exception | AssertionError failure) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    AssertionError timedOut = new AssertionError("awaitAssert: condition still failing after "
                            + timeout.toMillis() + " ms (" + attempts + " attempts): " + failure, failure);
                    throw timedOut;
                }
                LockSupport.parkNanos(Math.min(pause, left));
                if (Thread.interrupted()) {
                    throw new RunAbortedException("awaitAssert interrupted: the run was aborted");
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }
}
