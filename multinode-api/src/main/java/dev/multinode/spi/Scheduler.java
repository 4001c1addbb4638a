package dev.multinode.spi;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Where the threads of a run come from, how they wait and what time they read. A real run uses
 * {@link #system()}: plain threads, {@link java.util.concurrent.locks.LockSupport} and the system's
 * clocks. A simulating transport ({@link Transport#scheduler()}) supplies one that lets one of its
 * threads run at a time, in an order drawn from the run's seed, in virtual time that jumps to the
 * next deadline when no thread can run.
 *
 * <p>Waits follow {@code LockSupport}'s rules: {@link #parkUntil} may return early for no reason, so
 * a caller checks its condition again; an {@link #unpark} before the park makes the next park return
 * at once. A thread that interrupts another also unparks it, so that the interrupt is noticed under
 * every scheduler.
 */
public interface Scheduler {

    /** @return the system's threads, parking and clocks */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /**
     * The scheduler of the calling thread, for code that has no node at hand ({@link dev.multinode.Await}).
     *
     * @return the scheduler that made the calling thread, or {@link #system()} for any other thread
     */
    static Scheduler current() {
        Scheduler current = SchedulerBinding.CURRENT.get();
        return current != null ? current : SystemScheduler.INSTANCE;
    }

    /**
     * Binds the calling thread to a scheduler, so that {@link #current()} returns it: called by a
     * scheduler's own threads when they start.
     *
     * @param scheduler the scheduler, or null to unbind
     */
    static void bindCurrentThread(Scheduler scheduler) {
        if (scheduler == null) {
            SchedulerBinding.CURRENT.remove();
        } else {
            SchedulerBinding.CURRENT.set(scheduler);
        }
    }

    /** @return a monotonic time in nanoseconds, like {@link System#nanoTime()} */
    long nanoTime();

    /** @return nanoseconds since the epoch on the wall clock */
    long epochNanos();

    /**
     * Parks the calling thread until it is unparked, interrupted, or the deadline passes; may return
     * early for no reason. A deadline already passed still lets other threads run first.
     *
     * @param deadlineNanos when to return at the latest, on {@link #nanoTime()}
     */
    void parkUntil(long deadlineNanos);

    /**
     * Makes a parked thread return from {@link #parkUntil}, or the next park of a running one.
     *
     * @param thread the thread
     */
    void unpark(Thread thread);

    /**
     * A daemon thread that takes part in this scheduling, not yet started.
     *
     * @param group the group it belongs to
     * @param task  what it runs
     * @param name  its name
     * @return the thread
     */
    Thread newThread(ThreadGroup group, Runnable task, String name);

    /**
     * An executor whose tasks run on threads of this scheduler, delayed on its clock. Cancelled tasks
     * are removed at once, and delayed tasks still waiting at shutdown are dropped.
     *
     * @param threads        how many threads run its tasks
     * @param factory        makes those threads, with {@link #newThread}
     * @param beforeEachTask runs on the task's thread before each task (a paused node's gate)
     * @return the executor
     */
    ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask);

    /**
     * Whether time is virtual: then a thread that spins or yields while waiting makes no time pass,
     * and must park instead.
     *
     * @return true for a simulation
     */
    default boolean isSimulated() {
        return false;
    }

    /**
     * @return the trace of a simulated run so far, or null for a scheduler that keeps none (the
     *     system's)
     */
    default ScheduleTrace trace() {
        return null;
    }

    /**
     * Called by the runner's own thread once it has started the run's threads: a scheduler that runs
     * its threads itself (a simulation) runs them here, one step at a time, until all of them have
     * ended. The system's returns at once: its threads run by themselves.
     *
     * @throws IllegalStateException if the threads cannot go on (one blocked outside the scheduler),
     *     saying which thread, where and at which step
     */
    default void drive() {
    }
}
