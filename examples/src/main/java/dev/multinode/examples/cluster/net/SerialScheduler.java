package dev.multinode.examples.cluster.net;

import dev.multinode.Await;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A {@link ClusterScheduler} over a shared {@link ScheduledExecutorService} (the node's executor,
 * which may have several threads): tasks queue here and one drain at a time runs them, so they never
 * overlap. Timers only enqueue their task; the task itself runs in the drain.
 */
public final class SerialScheduler implements ClusterScheduler {

    /** Tasks run per drain before the drain yields the executor's thread to others. */
    private static final int BATCH = 64;
    /** How long {@link #shutdown} waits for its last task, so a stopping node cannot hang. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final ScheduledExecutorService executor;
    private final LongSupplier clock;
    private final Logger log;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread drainer;

    /**
     * @param executor the executor that lends its threads
     * @param clock    the time {@link #nanoTime()} reads, in nanoseconds
     * @param log      where failing tasks are reported
     */
    public SerialScheduler(ScheduledExecutorService executor, LongSupplier clock, Logger log) {
        this.executor = executor;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public long nanoTime() {
        return clock.getAsLong();
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            return;
        }
        queue.offer(task);
        startDrain();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return timer(() -> executor.schedule(() -> execute(task), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleRepeatedly(Duration period, Runnable task) {
        long nanos = period.toNanos();
        return timer(() -> executor.scheduleWithFixedDelay(() -> execute(task), nanos, nanos, TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean isShutDown() {
        return closed;
    }

    @Override
    public void shutdown(Runnable lastTask) {
        CompletableFuture<Void> ran = new CompletableFuture<>();
        closed = true;
        queue.offer(new LastTask(lastTask, ran));
        if (Thread.currentThread() == drainer) {
            return; // the last task runs when the current task returns
        }
        if (!executor.isShutdown()) {
            startDrain();
            if (await(ran)) {
                return;
            }
        }
        // The node's executor stopped before the cluster did. Once its threads are gone no drain can
        // overlap this one, so the last task runs here.
        if (awaitTermination()) {
            drain();
        } else {
            log.warn("cluster scheduler: the last task did not run within {} ms", SHUTDOWN_WAIT.toMillis());
        }
    }

    /** Waits through the node (Await), so that a simulated node's shutdown parks instead of blocking. */
    private boolean await(CompletableFuture<Void> ran) {
        try {
            Await.result(ran, SHUTDOWN_WAIT);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean awaitTermination() {
        try {
            return executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Cancellable timer(Supplier<ScheduledFuture<?>> scheduling) {
        if (closed) {
            return () -> { };
        }
        try {
            ScheduledFuture<?> future = scheduling.get();
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("cluster scheduler: timer not scheduled, the executor is shut down");
            return () -> { };
        }
    }

    private void startDrain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            log.debug("cluster scheduler: tasks wait, the executor is shut down");
        }
    }

    /** Runs queued tasks; only ever one drain at a time, started by {@link #startDrain} or {@link #shutdown}. */
    private void drain() {
        drainer = Thread.currentThread();
        try {
            Runnable task;
            for (int n = 0; n < BATCH && (task = queue.poll()) != null; n++) {
                if (!closed || task instanceof LastTask) {
                    runSafely(task);
                }
            }
        } finally {
            drainer = null;
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            startDrain();
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            log.error("cluster task failed", e);
        }
    }

    private record LastTask(Runnable task, CompletableFuture<Void> ran) implements Runnable {
        @Override
        public void run() {
            try {
                task.run();
            } finally {
                ran.complete(null);
            }
        }
    }
}
