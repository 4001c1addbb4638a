package dev.multinode.examples.cluster.net;

import java.time.Duration;

/**
 * Runs a node's cluster tasks one at a time, so the cluster's state needs no locks. Tasks submitted
 * from one thread run in submission order. Implementations are real (over an executor) or virtual
 * (tests drive time).
 */
public interface ClusterScheduler {

    /** @return this scheduler's clock, in nanoseconds, only meaningful as a difference */
    long nanoTime();

    /**
     * Runs a task after the tasks already submitted. A task that throws is logged; later tasks still run.
     *
     * @param task the task; ignored once the scheduler is shut down
     */
    void execute(Runnable task);

    /**
     * Runs a task once after a delay.
     *
     * @param delay how long to wait
     * @param task  the task
     * @return a handle to cancel it
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs a task repeatedly, first after one period, then once per period.
     *
     * @param period the time between runs
     * @param task   the task
     * @return a handle to stop it
     */
    Cancellable scheduleRepeatedly(Duration period, Runnable task);

    /** @return whether {@link #shutdown} was called */
    boolean isShutDown();

    /**
     * Stops the scheduler: tasks not yet started are dropped, {@code lastTask} runs as the last task,
     * and later submissions are ignored. Returns once {@code lastTask} has run, or after a bounded wait.
     *
     * @param lastTask the task that releases the cluster's resources
     */
    void shutdown(Runnable lastTask);
}
