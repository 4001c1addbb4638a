package dev.multinode.runtime.node;

import dev.multinode.spi.Scheduler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A thread node's pause, as seen from outside: while it is closed, every thread that goes through
 * the node (the body at a harness call, the executor's tasks, any thread that sends) waits here,
 * parked through the scheduler, and the receiver holds the system under test's frames. The wait is
 * bounded by the run: an abort, a kill or the stop opens it, and so does an interrupt (an executor
 * shutting down). Process nodes are paused by their JVM being stopped instead.
 */
final class PauseGate {

    /** An abort or stop comes without a wake-up from the gate: the waiters look again this often. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Scheduler scheduler;
    private final ParkedThreads waiting;
    private final BooleanSupplier open;
    private volatile boolean paused;

    PauseGate(NodeControl control, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.waiting = new ParkedThreads(scheduler);
        this.open = () -> !paused || control.isAborted() || control.isStopped();
    }

    boolean isPaused() {
        return paused;
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        waiting.wakeAll();
    }

    /** Returns at once unless paused; the unpaused path reads one volatile field and allocates nothing. */
    void pass() {
        if (!paused) {
            return;
        }
        try {
            while (!waiting.await(open, scheduler.nanoTime() + RECHECK_NANOS)) {
                // still closed after a recheck period: look at the abort and the stop again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
