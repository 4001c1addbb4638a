package dev.multinode.runtime.node;

import dev.multinode.RunAbortedException;
import dev.multinode.spi.Scheduler;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * A node's control state, written by its receiver thread and read by every other: where the body
 * is (its step), whether the run started, was aborted or stopped, whether a fault removed the node,
 * and the first failure outside the body. It owns the body thread's wake-ups: every change the
 * body may be waiting for unparks or interrupts it, through the scheduler the body parks with.
 */
final class NodeControl {

    private final String role;
    private final Logger log;
    private final Scheduler scheduler;
    private final AtomicReference<Throwable> backgroundFailure = new AtomicReference<>();

    private volatile String step = "before the first barrier";
    private volatile String abortReason;
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile boolean removed;
    private volatile Thread bodyThread;

    NodeControl(String role, Logger log, Scheduler scheduler) {
        this.role = role;
        this.log = log;
        this.scheduler = scheduler;
    }

    String role() {
        return role;
    }

    String step() {
        return step;
    }

    void stepIntoBarrier(String name) {
        step = "at barrier '" + name + "'";
    }

    void stepPastBarrier(String name) {
        step = "after barrier '" + name + "'";
    }

    void bodyThread(Thread thread) {
        bodyThread = thread;
    }

    /** @return the body thread's name, state and stack, for the conductor's dump at the run timeout */
    String bodyStack() {
        Thread body = bodyThread;
        if (body == null) {
            return "(no body thread)";
        }
        StringBuilder text = new StringBuilder("\"").append(body.getName()).append("\" ").append(body.getState());
        for (StackTraceElement frame : body.getStackTrace()) {
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    boolean isAborted() {
        return abortReason != null;
    }

    /**
     * @param where what the node was doing, e.g. "while waiting at barrier 'x'"
     * @return the message of the {@link RunAbortedException} a wait ends with
     */
    String abortReason(String where) {
        return "Run aborted " + where + " on " + role + ": " + abortReason;
    }

    /** @throws RunAbortedException if the run was aborted, so that no new wait starts */
    void checkNotAborted() {
        if (abortReason != null) {
            throw new RunAbortedException(abortReason(step));
        }
    }

    /** Marks the run aborted and interrupts the body, so that every wait it is in ends at once. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
            interruptBody();
        }
    }

    /** The node was killed or shut down by a fault: its body stops and it reports nothing more. */
    void remove(String reason) {
        removed = true;
        abort(reason);
    }

    boolean isRemoved() {
        return removed;
    }

    boolean isStarted() {
        return started;
    }

    void markStarted() {
        started = true;
        wakeBody();
    }

    boolean isStopped() {
        return stopped;
    }

    void markStopped() {
        stopped = true;
        wakeBody();
    }

    /**
     * Records a failure outside the body (a frame handler threw, the receiver died) and interrupts
     * the body, which is then reported as failed with it. Only the first one counts.
     */
    void failInBackground(Throwable failure) {
        if (backgroundFailure.compareAndSet(null, failure)) {
            log.error("{} failed outside its body", role, failure);
            interruptBody();
        }
    }

    /** @return the first failure outside the body, or null */
    Throwable backgroundFailure() {
        return backgroundFailure.get();
    }

    private void wakeBody() {
        Thread body = bodyThread;
        if (body != null) {
            scheduler.unpark(body);
        }
    }

    private void interruptBody() {
        Thread body = bodyThread;
        if (body != null) {
            body.interrupt();
            scheduler.unpark(body); // an interrupt alone does not end a simulating scheduler's park
        }
    }
}
