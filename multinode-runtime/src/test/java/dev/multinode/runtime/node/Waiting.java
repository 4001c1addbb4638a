package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Await;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** A wait on a thread of its own, for a test of what ends it. */
final class Waiting {

    private Waiting() {
    }

    /**
     * @param wait a wait that parks on the system scheduler
     * @return its result, once its thread is parked in it: what the test does next is what ends it
     */
    static <T> CompletableFuture<T> parkedIn(Callable<T> wait) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                result.complete(wait.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "waiter");
        waiter.setDaemon(true);
        waiter.start();
        Await.awaitAssert(() -> assertThat(waiter.getState()).isEqualTo(Thread.State.TIMED_WAITING),
                Duration.ofSeconds(10));
        return result;
    }
}
