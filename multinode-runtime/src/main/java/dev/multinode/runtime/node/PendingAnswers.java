package dev.multinode.runtime.node;

import dev.multinode.RunAbortedException;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Requests to the conductor that wait for its answer, by request key: the asking thread registers a
 * key before it sends, the receiver thread completes it and wakes the waiters, and the wait, parked
 * through the scheduler, is bounded and ends at an abort (the body thread is interrupted). The
 * futures only hold the answers: nothing blocks on them.
 *
 * @param <K> what identifies a request
 * @param <V> the answer
 */
final class PendingAnswers<K, V> {

    private final NodeControl control;
    private final Scheduler scheduler;
    private final ParkedThreads waiting;
    private final Map<K, CompletableFuture<V>> pending = new ConcurrentHashMap<>();

    PendingAnswers(NodeControl control, Scheduler scheduler) {
        this.control = control;
        this.scheduler = scheduler;
        this.waiting = new ParkedThreads(scheduler);
    }

    /** Registers a request before it is sent, so that an answer cannot arrive unseen. */
    CompletableFuture<V> expect(K key) {
        CompletableFuture<V> answer = new CompletableFuture<>();
        pending.put(key, answer);
        return answer;
    }

    /** A request that could not be sent waits for nothing. */
    void forget(K key) {
        pending.remove(key);
    }

    /** Called by the receiver thread; an answer nobody waits for any more is dropped. */
    void answered(K key, V value) {
        CompletableFuture<V> answer = pending.remove(key);
        if (answer != null) {
            answer.complete(value);
            waiting.wakeAll();
        }
    }

    /**
     * @param key    the request
     * @param answer what {@link #expect} returned for it
     * @param bound  how long to wait
     * @param where  what the node waits for, for the abort's message ("while waiting for ...")
     * @param late   the message when the conductor did not answer in time
     * @return the answer
     * @throws RunAbortedException   if the run was aborted meanwhile
     * @throws IllegalStateException if the conductor did not answer within the bound
     */
    V await(K key, CompletableFuture<V> answer, Duration bound, String where, Supplier<String> late) {
        try {
            if (!waiting.await(answer::isDone, scheduler.nanoTime() + bound.toNanos())) {
                throw new IllegalStateException(late.get());
            }
            return answer.getNow(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunAbortedException(control.abortReason(where));
        } finally {
            pending.remove(key);
        }
    }
}
