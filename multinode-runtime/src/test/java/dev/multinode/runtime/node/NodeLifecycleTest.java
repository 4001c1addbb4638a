package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.BarrierFailedException;
import dev.multinode.runtime.node.NodeOutcome.Status;
import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.BarrierFailedMessage;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Outcome;
import dev.multinode.runtime.protocol.ReleaseMessage;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.runtime.testing.FakeEndpoint;
import dev.multinode.spi.Scheduler;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's whole life, from HELLO to the release of its endpoint, against a scripted conductor on
 * a fake endpoint: what the node reports in DONE and what it returns to its launcher.
 */
class NodeLifecycleTest {

    private static final String VERDICT = "Barrier 'joined' failed: timed out after 5000 ms; arrived: [node-a]; "
            + "missing: node-b (running its body before the first barrier)";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeEndpoint endpoint = new FakeEndpoint(FakeNode.NODE_A);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final NodeRuntime runtime = new NodeRuntime(new NodeConfig("node-a", List.of("node-a", "node-b"), TIMEOUT,
            TIMEOUT, TIMEOUT, 1, FakeNode.MAX_FRAME, FakeNode.TRANSPORT_FRAME, List.of(), 0, Path.of("data", "node-a"), null),
            endpoint, Scheduler.system());

    @AfterEach
    void stopTheScript() {
        later.shutdownNow();
    }

    @Test
    void aBodyThatPassesReportsItAndTheNodeReleasesItsEndpoint() {
        conductorAnsweringEnterWith(() -> fromConductor(ReleaseMessage.TYPE,
                ReleaseMessage.write(ByteBuffer.allocate(64), "joined")));

        NodeOutcome outcome = runtime.run(node -> node.enterBarrier("joined"));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(done().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(done().step()).isEqualTo("after barrier 'joined'");
        assertThat(endpoint.isClosed()).isTrue();
    }

    @Test
    void theBarrierVerdictFollowedByTheAbortIsACancellationWithTheConductorsExplanation() {
        conductorAnsweringEnterWith(() -> {
            barrierFailed();
            abort();
        });

        NodeOutcome outcome = runtime.run(node -> node.enterBarrier("joined"));

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(outcome.error()).isInstanceOf(BarrierFailedException.class).hasMessage(VERDICT);
        assertThat(done().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(done().step()).isEqualTo("at barrier 'joined'");
    }

    @Test
    void anAbortArrivingAfterTheBodyEndedWithTheVerdictStillMakesItACancellation() {
        conductorAnsweringEnterWith(() -> {
            barrierFailed();
            later.schedule(this::abort, 300, TimeUnit.MILLISECONDS);
        });

        NodeOutcome outcome = runtime.run(node -> node.enterBarrier("joined"));

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(done().outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void somethingElseThrownAfterTheVerdictIsTheBodysOwnFailure() {
        conductorAnsweringEnterWith(() -> {
            barrierFailed();
            abort();
        });

        NodeOutcome outcome = runtime.run(node -> {
            try {
                node.enterBarrier("joined");
            } catch (BarrierFailedException verdict) {
                throw new IllegalStateException("cleanup failed");
            }
        });

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(done().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(done().error()).hasMessage("cleanup failed");
    }

    /** START answers HELLO, STOP answers DONE, and {@code onEnter} answers each ENTER. */
    private void conductorAnsweringEnterWith(Runnable onEnter) {
        endpoint.onSend(frame -> {
            switch (frame.type()) {
                case FrameType.HELLO -> fromConductor(FrameType.START, Signal.write(ByteBuffer.allocate(0)));
                case EnterMessage.TYPE -> onEnter.run();
                case DoneMessage.TYPE -> fromConductor(FrameType.STOP, Signal.write(ByteBuffer.allocate(0)));
                default -> { }
            }
        });
    }

    private void barrierFailed() {
        fromConductor(BarrierFailedMessage.TYPE, BarrierFailedMessage.write(ByteBuffer.allocate(1024), "joined", VERDICT));
    }

    private void abort() {
        fromConductor(AbortMessage.TYPE, AbortMessage.write(ByteBuffer.allocate(1024), "node-b failed: barrier 'joined'"));
    }

    private void fromConductor(int type, ByteBuffer payload) {
        endpoint.deliver(FakeNode.CONDUCTOR, type, payload);
    }

    private DoneMessage done() {
        return endpoint.sent().stream().filter(frame -> frame.type() == DoneMessage.TYPE).findFirst()
                .map(frame -> new DoneMessage().wrap(frame.buffer()))
                .orElseThrow(() -> new AssertionError("no DONE among " + endpoint.sent()));
    }
}
