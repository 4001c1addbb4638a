package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.runtime.testing.VirtualScheduler;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A paused node's gate: the resume opens it for the threads waiting there, and so do an abort and the stop. */
@Timeout(30)
class PauseGateTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofMillis(10);

    @Test
    void theResumeLetsAWaitingThreadThrough() {
        PauseGate gate = new PauseGate(control(Scheduler.system()), Scheduler.system());
        gate.pause();

        CompletableFuture<Boolean> passed = Waiting.parkedIn(() -> {
            gate.pass();
            return true;
        });
        gate.resume();

        assertThat(passed).succeedsWithin(WITHIN).isEqualTo(true);
    }

    @Test
    void aWaiterSeesTheStopAtItsNextRecheckOnTheSchedulersClock() {
        VirtualScheduler virtual = new VirtualScheduler();
        NodeControl control = control(virtual);
        PauseGate gate = new PauseGate(control, virtual);
        gate.pause();
        virtual.atNextParks(() -> { }, control::markStopped);

        gate.pass();

        assertThat(gate.isPaused()).isTrue();
        assertThat(virtual.parks()).containsExactly(RECHECK, RECHECK);
    }

    @Test
    void anAbortLetsAThreadThroughThatNoInterruptReaches() {
        NodeControl control = control(Scheduler.system());
        PauseGate gate = new PauseGate(control, Scheduler.system());
        gate.pause();

        CompletableFuture<Boolean> passed = Waiting.parkedIn(() -> {
            gate.pass();
            return Thread.currentThread().isInterrupted();
        });
        control.abort("node-b failed: boom");

        assertThat(passed).succeedsWithin(WITHIN).isEqualTo(false);
    }

    @Test
    void anInterruptLetsTheThreadThroughWithItsInterruptStatusKept() {
        VirtualScheduler virtual = new VirtualScheduler();
        PauseGate gate = new PauseGate(control(virtual), virtual);
        gate.pause();
        virtual.atNextParks(() -> Thread.currentThread().interrupt());

        try {
            gate.pass();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(virtual.parks()).containsExactly(RECHECK);
        } finally {
            Thread.interrupted();
        }
    }

    private static NodeControl control(Scheduler scheduler) {
        return new NodeControl("node-a", LoggerFactory.getLogger(PauseGateTest.class), scheduler);
    }
}
