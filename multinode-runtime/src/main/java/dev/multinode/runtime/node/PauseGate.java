package dev.multinode.runtime.node;

import java.util.concurrent.TimeUnit;

/**
 * A thread node's pause, as seen from outside: while it is closed, every thread that goes through
 * the node (the body at a harness call, the executor's tasks, any thread that sends) waits here,
 * and the receiver holds the system under test's frames. The wait is bounded by the run: an
 * abort, a kill or the stop opens it, and so does an interrupt (an executor shutting down).
 * Process nodes are paused by their JVM being stopped instead.
 */
final class PauseGate {

    private static final long RECHECK_MILLIS = TimeUnit.MILLISECONDS.toMillis(10);

    private final NodeControl control;
    private final Object lock = new Object();
    private volatile boolean paused;

    PauseGate(NodeControl control) {
        this.control = control;
    }

    boolean isPaused() {
        return paused;
    }

    void pause() {
        paused = true;
    }

    void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Returns at once unless paused; the unpaused path reads one volatile field and allocates nothing. */
    void pass() {
        if (!paused) {
            return;
        }
        synchronized (lock) {
            while (paused && !control.isAborted() && !control.isStopped()) {
                try {
                    lock.wait(RECHECK_MILLIS); // an abort or stop comes without a notify
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
