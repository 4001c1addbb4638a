package dev.multinode.runtime.relay;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Work another thread hands the relay thread, and the wait for it to be done: the relay thread runs
 * it between two I/O steps, so when {@link #await} returns, its effect is in force for every byte
 * the relay moves afterwards.
 */
final class RelayCommand {

    private final Runnable action;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    RelayCommand(Runnable action) {
        this.action = action;
    }

    /** On the relay thread. */
    void execute() {
        try {
            action.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /** On the relay thread, when it ends before running the command. */
    void refuse(String why) {
        failure = new IllegalStateException(why);
        done.countDown();
    }

    /**
     * @param what        the call, for the error
     * @param timeoutNanos how long the relay thread may take
     * @throws IllegalStateException if it failed, was refused, or did not answer in time
     */
    void await(String what, long timeoutNanos) {
        try {
            if (!done.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(what + ": the relay thread did not answer within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while waiting for the relay thread", e);
        }
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException(what + ": " + failed.getMessage(), failed);
        }
    }
}
