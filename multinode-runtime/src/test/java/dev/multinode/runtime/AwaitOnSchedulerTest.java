package dev.multinode.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.Await;
import dev.multinode.runtime.testing.VirtualScheduler;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API's {@link Await} on the scheduler of the calling thread (tested here, where a virtual
 * scheduler is at hand): its pauses and its timeout are in that scheduler's time.
 */
@Timeout(30)
class AwaitOnSchedulerTest {

    private final VirtualScheduler virtual = new VirtualScheduler();

    @BeforeEach
    void bind() {
        Scheduler.bindCurrentThread(virtual);
    }

    @AfterEach
    void unbind() {
        Scheduler.bindCurrentThread(null);
    }

    @Test
    void theTimeoutPassesOnTheSchedulersClockWithPausesThatGrowTo50Ms() {
        assertThatThrownBy(() -> Await.awaitAssert(() -> {
            throw new AssertionError("not yet");
        }, Duration.ofMillis(150))).isInstanceOf(AssertionError.class)
                .hasMessage("awaitAssert: condition still failing after 150 ms (9 attempts): "
                        + "java.lang.AssertionError: not yet");
        assertThat(virtual.parks()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4),
                Duration.ofMillis(8), Duration.ofMillis(16), Duration.ofMillis(32), Duration.ofMillis(50),
                Duration.ofMillis(37));
    }

    @Test
    void aConditionThatHoldsAfterAWhileEndsTheWait() {
        long started = virtual.nanoTime();

        Await.awaitAssert(() -> assertThat(virtual.nanoTime() - started).isGreaterThanOrEqualTo(3_000_000L),
                Duration.ofHours(1));

        assertThat(virtual.parks()).hasSize(2);
    }

    @Test
    void aResultNotThereInTimeIsATimeoutOnTheSchedulersClock() {
        CompletableFuture<String> never = new CompletableFuture<>();
        assertThatThrownBy(() -> Await.result(never, Duration.ofSeconds(30))).isInstanceOf(TimeoutException.class)
                .hasMessage("Await.result: no result within 30000 ms");
        assertThat(virtual.parks()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aResultOrItsFailureComesBackAsFromFutureGet() throws Exception {
        assertThat(Await.result(CompletableFuture.completedFuture("done"), Duration.ofMillis(1))).isEqualTo("done");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("refused"));
        assertThatThrownBy(() -> Await.result(failed, Duration.ofMillis(1))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
        assertThat(virtual.parks()).isEmpty();
    }

    @Test
    void aResultThatCompletesWhileTheThreadWaitsWakesIt() throws Exception {
        Scheduler.bindCurrentThread(null);
        CompletableFuture<String> later = new CompletableFuture<>();
        Thread waiter = Thread.currentThread();
        Thread completer = new Thread(() -> {
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait(); // until the waiter parks in the wait
            }
            later.complete("late");
        });
        completer.start();
        assertThat(Await.result(later, Duration.ofMinutes(1))).isEqualTo("late");
        completer.join();
    }
}
