package dev.multinode.spi;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@link Scheduler#system()}: plain threads, {@code LockSupport}, the system's clocks. */
final class SystemScheduler implements Scheduler {

    static final SystemScheduler INSTANCE = new SystemScheduler();

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private SystemScheduler() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    @Override
    public Thread newThread(ThreadGroup group, Runnable task, String name) {
        Thread thread = new Thread(group, task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, factory) {
            @Override
            protected void beforeExecute(Thread worker, Runnable task) {
                beforeEachTask.run();
            }
        };
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    @Override
    public String toString() {
        return "system scheduler";
    }
}
