package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.BarrierFailedException;
import dev.multinode.RunAbortedException;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.testing.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node's barrier client against a fake conductor: the fake answers each ENTER on the sending
 * thread, before the client starts waiting, as the receiver thread would a moment later.
 */
class BarrierClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String VERDICT = "Barrier 'joined' failed: timed out after 5000 ms; arrived: [node-a]; "
            + "missing: node-b (running its body before the first barrier)";

    private final FakeNode node = new FakeNode();
    private final BarrierClient barriers = node.barriers(Duration.ofSeconds(10));

    @AfterEach
    void clearTheAbortsInterrupt() {
        Thread.interrupted();
        node.close();
    }

    @Test
    void aReleasedBarrierLetsTheNodeThrough() {
        node.endpoint.onSend(enter -> barriers.released(new EnterMessage().wrap(enter.buffer()).barrier()));

        barriers.enter(TIMEOUT, "first", "second");

        assertThat(node.endpoint.sent()).hasSize(2).allMatch(frame -> frame.peer() == FakeNode.CONDUCTOR
                && frame.type() == EnterMessage.TYPE);
        assertThat(new EnterMessage().wrap(node.endpoint.sent().get(1).buffer()).timeoutMillis()).isEqualTo(5000);
        assertThat(node.control.step()).isEqualTo("after barrier 'second'");
    }

    @Test
    void aFailedBarrierThrowsTheConductorsExplanationThoughTheAbortFollowsAtOnce() {
        node.control.bodyThread(Thread.currentThread());
        node.endpoint.onSend(enter -> {
            barriers.failed(VERDICT);
            node.control.abort("node-b failed: barrier 'joined' timed out");
        });

        Throwable thrown = catchThrowable(() -> barriers.enter(TIMEOUT, "joined"));

        assertThat(thrown).isInstanceOf(BarrierFailedException.class).hasMessage(VERDICT);
        assertThat(barriers.isConductorVerdict(thrown)).isTrue();
        assertThat(barriers.isConductorVerdict(new IllegalStateException("wrapped", thrown))).isTrue();
        assertThat(barriers.isConductorVerdict(new BarrierFailedException(VERDICT))).isFalse();
    }

    @Test
    void anAbortEndsTheWaitWithTheRootCause() {
        node.endpoint.onSend(enter -> node.control.abort("node-b failed: boom"));

        assertThatThrownBy(() -> barriers.enter(TIMEOUT, "joined"))
                .isInstanceOf(RunAbortedException.class)
                .hasMessage("Run aborted while waiting at barrier 'joined' on node-a: node-b failed: boom");
    }

    @Test
    void anAbortedRunEntersNoBarrier() {
        node.control.abort("node-b failed: boom");

        assertThatThrownBy(() -> barriers.enter(TIMEOUT, "joined")).isInstanceOf(RunAbortedException.class);
        assertThat(node.endpoint.sent()).isEmpty();
    }

    @Test
    void noVerdictWithinTheTimeoutAndTheGraceFailsTheBarrierOnTheNode() {
        BarrierClient impatient = node.barriers(Duration.ofMillis(100));
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.enter(Duration.ofMillis(100), "joined"))
                .isInstanceOf(BarrierFailedException.class)
                .hasMessage("Barrier 'joined' on node-a: no verdict from the conductor within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** Virtual time passes only at parks: a wait that yielded first would never end. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void inASimulationTheWaitParksAtOnceAndTheVerdictEndsThePark() {
        VirtualScheduler virtual = new VirtualScheduler();
        BarrierClient simulated = new BarrierClient(node.control, node.link, Duration.ofSeconds(10), () -> true, virtual);
        virtual.atNextParks(() -> simulated.released("joined"));
        long entered = virtual.nanoTime();

        simulated.enter(TIMEOUT, "joined");

        assertThat(virtual.parks()).containsExactly(Duration.ofMillis(10));
        assertThat(virtual.nanoTime()).isEqualTo(entered);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void inASimulationAWaitThatPollsParksThroughTheScheduler() {
        VirtualScheduler virtual = new VirtualScheduler();
        BarrierClient simulated = new BarrierClient(node.control, node.link, Duration.ofSeconds(10), () -> false, virtual);
        virtual.atNextParks(() -> { }, () -> simulated.released("joined"));

        simulated.enter(TIMEOUT, "joined");

        assertThat(virtual.parks()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(1));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void inASimulationNoVerdictFailsTheBarrierOnceTheSchedulersTimePassedTheTimeoutAndGrace() {
        VirtualScheduler virtual = new VirtualScheduler();
        BarrierClient simulated = new BarrierClient(node.control, node.link, Duration.ofSeconds(10), () -> true, virtual);
        long entered = virtual.nanoTime();

        assertThatThrownBy(() -> simulated.enter(TIMEOUT, "joined")).isInstanceOf(BarrierFailedException.class)
                .hasMessage("Barrier 'joined' on node-a: no verdict from the conductor within 15000 ms");
        assertThat(Duration.ofNanos(virtual.nanoTime() - entered)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> barriers.enter(Duration.ZERO, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier timeout must be a positive duration, was PT0S");
        assertThatThrownBy(() -> barriers.enter(Duration.ofSeconds(-1), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier timeout must be a positive duration, was PT-1S");
        assertThatThrownBy(() -> barriers.enter(null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier timeout must be a positive duration, was null");
        assertThat(node.endpoint.sent()).isEmpty();
    }

    @Test
    void missingOrEmptyNamesAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> barriers.enter(TIMEOUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier needs at least one barrier name, was none");
        assertThatThrownBy(() -> barriers.enter(TIMEOUT, (String[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier needs at least one barrier name, was null");
        assertThatThrownBy(() -> barriers.enter(TIMEOUT, "first", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier names must be non-empty, was ['first', null]");
        assertThatThrownBy(() -> barriers.enter(TIMEOUT, "first", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterBarrier names must be non-empty, was ['first', '']");
        assertThat(node.endpoint.sent()).isEmpty();
    }

    private static Throwable catchThrowable(Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected the call to throw");
    }
}
