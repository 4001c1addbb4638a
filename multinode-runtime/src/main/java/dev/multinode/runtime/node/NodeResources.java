package dev.multinode.runtime.node;

import dev.multinode.Closer;
import dev.multinode.StopReason;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * What a node owns and must release when it stops: the resources registered with
 * {@code closeOnStop} (closed in reverse order, each told the {@link StopReason}), its executors
 * and, last, its endpoint. The executors and their threads are the scheduler's.
 */
final class NodeResources {

    /** A registered resource and how to close it. */
    private record Registered<T>(T resource, Closer<? super T> closer) {
        void close(StopReason reason) throws Exception {
            closer.close(resource, reason);
        }
    }

    private static final long EXECUTOR_STOP_MILLIS = 5_000;

    private final String role;
    private final Logger log;
    private final Endpoint endpoint;
    private final PauseGate gate;
    private final Scheduler scheduler;
    private final AtomicBoolean endpointClosed = new AtomicBoolean();
    private final Deque<Registered<?>> closeables = new ArrayDeque<>();
    private ScheduledExecutorService executor;
    private ScheduledExecutorService delayer;
    private boolean closed;

    NodeResources(String role, Logger log, Endpoint endpoint, PauseGate gate, Scheduler scheduler) {
        this.role = role;
        this.log = log;
        this.endpoint = endpoint;
        this.gate = gate;
        this.scheduler = scheduler;
    }

    synchronized ScheduledExecutorService executor() {
        if (closed) {
            throw new IllegalStateException("Node " + role + " has stopped; its executor is gone");
        }
        if (executor == null) {
            // a paused node's tasks wait at the gate for the resume
            executor = scheduler.newScheduledExecutor(2, roleThreads("-executor-"), gate::pass);
        }
        return executor;
    }

    /** @return the single thread that sends delayed frames in order */
    synchronized ScheduledExecutorService delayer() {
        if (closed) {
            throw new IllegalStateException("Node " + role + " has stopped");
        }
        if (delayer == null) {
            delayer = scheduler.newScheduledExecutor(1, roleThreads("-delay-"), () -> { });
        }
        return delayer;
    }

    synchronized <T> T register(T resource, Closer<? super T> closer) {
        if (closed) {
            throw new IllegalStateException("Node " + role + " has stopped; cannot register " + resource);
        }
        closeables.push(new Registered<>(resource, closer));
        return resource;
    }

    /**
     * Releases everything the node owns, the endpoint last; the second and later calls do nothing.
     * Call it only once no thread polls the endpoint any more: the receiver after its loop, or the
     * lifecycle after the receiver ended. Resources not closed by a fault before learn that the run ended.
     */
    void release() {
        closeOwned(StopReason.RUN_ENDED);
        if (endpointClosed.compareAndSet(false, true)) {
            endpoint.close();
        }
    }

    /**
     * Closes the registered resources (newest first), then stops the executors; the endpoint stays
     * open, so that a node shutting down gracefully can still confirm it. Only the first call acts.
     *
     * @param reason what the resources are told
     */
    void closeOwned(StopReason reason) {
        ScheduledExecutorService toStop;
        ScheduledExecutorService delays;
        Deque<Registered<?>> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = executor;
            delays = delayer;
            toClose = new ArrayDeque<>(closeables);
            closeables.clear();
        }
        for (Registered<?> registered : toClose) {
            try {
                registered.close(reason);
            } catch (Exception | Error e) {
                log.warn("Closing {} on {} ({}) failed", registered.resource(), role, reason, e);
            }
        }
        stop(toStop);
        stop(delays);
    }

    private void stop(ScheduledExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try { // the scheduler's executor: it waits for its workers the scheduler's way
            if (!pool.awaitTermination(EXECUTOR_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("An executor of {} still has running tasks {} ms after shutdown", role, EXECUTOR_STOP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The node's own threads, in the group of the thread that asks for one, as {@code new Thread} put them. */
    private ThreadFactory roleThreads(String kind) {
        AtomicInteger count = new AtomicInteger();
        return task -> scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            MDC.put("role", role);
            task.run();
        }, role + kind + count.incrementAndGet());
    }
}
