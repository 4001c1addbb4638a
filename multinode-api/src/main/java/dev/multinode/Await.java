package dev.multinode;

import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits with a deadline: polling for conditions that become true eventually, and the result of an
 * asynchronous call. Time and pauses are those of the calling thread's
 * {@link Scheduler#current() scheduler}, so that the waits also work in a simulated run, where a
 * {@code Future.get} or a latch would block outside the simulation.
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

    /**
     * Waits for an asynchronous result, as {@link java.util.concurrent.Future#get(long, TimeUnit)}
     * does, but parking through the calling thread's scheduler, woken when the stage completes.
     *
     * @param stage   the result to come
     * @param timeout how long to wait for it
     * @param <T>     the result's type
     * @return the result
     * @throws TimeoutException     if the stage did not complete within the timeout
     * @throws ExecutionException   if it completed exceptionally, carrying its exception
     * @throws InterruptedException if the thread was interrupted while waiting (the run was aborted)
     * @throws java.util.concurrent.CancellationException if the stage was cancelled
     */
    public static <T> T result(CompletionStage<T> stage, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            Scheduler scheduler = Scheduler.current();
            Thread waiting = Thread.currentThread();
            future.whenComplete((value, failure) -> scheduler.unpark(waiting));
            long deadline = scheduler.nanoTime() + timeout.toNanos();
            while (!future.isDone()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("Await.result interrupted: the run was aborted");
                }
                if (scheduler.nanoTime() - deadline >= 0) {
                    throw new TimeoutException("Await.result: no result within " + timeout.toMillis() + " ms");
                }
                scheduler.parkUntil(deadline);
            }
        }
        try {
            return future.join();
        } catch (CompletionException failed) {
            throw new ExecutionException(failed.getCause());
        }
    }
}
