package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.Direction;
import dev.multinode.StopReason;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.testing.FakeEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault's effect on node-a's link filter and state, and its confirmation to the conductor. */
class FaultApplierTest {

    private final FakeNode node = new FakeNode();
    private long applyIds;

    @AfterEach
    void release() {
        Thread.interrupted();
        node.close();
    }

    @Test
    void aBlackholeBlocksOneDirectionOfOneLinkAndIsConfirmed() {
        long applyId = apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.SEND);

        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();
        assertThat(node.filter.passInbound(FakeNode.NODE_B)).isTrue();
        assertThat(node.filter.passOutbound(FakeNode.NODE_C)).isTrue();
        assertConfirmed(applyId);
    }

    @Test
    void passThroughUndoesABlackholeInTheSameDirection() {
        apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.BOTH);
        apply(FaultKind.PASS_THROUGH, FakeNode.NODE_B, Direction.RECEIVE);

        assertThat(node.filter.passInbound(FakeNode.NODE_B)).isTrue();
        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();
    }

    @Test
    void aDelayAndADropApplyToTheirLinkUntilHealed() {
        applyLink(FaultKind.DELAY, FakeNode.NODE_B, TimeUnit.MILLISECONDS.toNanos(50), 0);
        applyLink(FaultKind.DROP, FakeNode.NODE_C, 0, 1.0);

        assertThat(node.filter.delayNanos(FakeNode.NODE_B)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(node.filter.passOutbound(FakeNode.NODE_C)).isFalse();

        apply(FaultKind.HEAL, FakeNode.NODE_A, Direction.BOTH);

        assertThat(node.filter.delayNanos(FakeNode.NODE_B)).isZero();
        assertThat(node.filter.passOutbound(FakeNode.NODE_C)).isTrue();
    }

    @Test
    void aGonePeerGetsNothingMoreButWhatItSentBeforeStillArrives() {
        apply(FaultKind.PEER_GONE, FakeNode.NODE_B, Direction.BOTH);

        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();
        assertThat(node.filter.passInbound(FakeNode.NODE_B)).isTrue();
    }

    @Test
    void aGonePeerStaysGoneThroughAHealUntilItIsBack() {
        apply(FaultKind.PEER_GONE, FakeNode.NODE_B, Direction.BOTH);
        apply(FaultKind.HEAL, FakeNode.NODE_A, Direction.BOTH);
        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();

        apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.RECEIVE);
        apply(FaultKind.PEER_BACK, FakeNode.NODE_B, Direction.BOTH);

        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isTrue();
        assertThat(node.filter.passInbound(FakeNode.NODE_B)).as("its blackhole stays").isFalse();
    }

    @Test
    void aKillClosesTheResourcesAsKilledBeforeItConfirms() {
        List<String> closed = new ArrayList<>();
        node.resources.register("system", (system, reason) -> {
            assertThat(node.endpoint.sent()).as("closed before the confirmation").isEmpty();
            closed.add(system + " " + reason);
        });

        apply(FaultKind.KILL, FakeNode.NODE_A, Direction.BOTH);

        assertThat(closed).containsExactly("system KILLED");
        assertThat(node.endpoint.sent()).singleElement()
                .satisfies(confirmation -> assertThat(confirmation.type()).isEqualTo(FaultAppliedMessage.TYPE));
    }

    @Test
    void aPausedNodeHoldsTheFramesOfTheSystemUnderTestAndDeliversThemInOrderOnResume() {
        List<Byte> delivered = new ArrayList<>();
        node.messaging.onReceive((from, frame) -> delivered.add(frame.get(frame.position())));

        apply(FaultKind.PAUSE, FakeNode.NODE_A, Direction.BOTH);
        node.messaging.deliverFrame(FakeNode.NODE_B, ByteBuffer.wrap(new byte[] {1}));
        node.messaging.deliverFrame(FakeNode.NODE_C, ByteBuffer.wrap(new byte[] {2}));
        assertThat(delivered).isEmpty();
        assertThat(node.gate.isPaused()).isTrue();

        apply(FaultKind.RESUME, FakeNode.NODE_A, Direction.BOTH);

        assertThat(delivered).containsExactly((byte) 1, (byte) 2);
        assertThat(node.gate.isPaused()).isFalse();
    }

    @Test
    void aKillIsolatesTheNodeRemovesItAndStillConfirms() {
        node.control.bodyThread(Thread.currentThread());

        apply(FaultKind.KILL, FakeNode.NODE_A, Direction.BOTH);

        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();
        assertThat(node.filter.passInbound(FakeNode.NODE_C)).isFalse();
        assertThat(node.filter.passOutbound(FakeNode.NODE_A)).isFalse();
        assertThat(node.control.isRemoved()).isTrue();
        assertThat(node.control.abortReason("now")).endsWith("node-a was killed by a fault");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(node.endpoint.sent()).singleElement()
                .satisfies(confirmation -> assertThat(confirmation.type()).isEqualTo(FaultAppliedMessage.TYPE));
    }

    @Test
    void aShutdownClosesTheResourcesWhileTheyCanStillTalkThenIsolates() {
        node.resources.register(node.messaging, (messaging, reason) -> {
            assertThat(reason).isEqualTo(StopReason.SHUT_DOWN);
            messaging.send("node-b", ByteBuffer.wrap(new byte[] {1}));
        });

        apply(FaultKind.SHUTDOWN, FakeNode.NODE_A, Direction.BOTH);

        assertThat(node.endpoint.sent()).extracting(FakeEndpoint.Frame::peer)
                .containsExactly(FakeNode.NODE_B, FakeNode.CONDUCTOR);
        assertThat(node.filter.passOutbound(FakeNode.NODE_B)).isFalse();
        assertThat(node.control.isRemoved()).isTrue();
        assertThat(node.endpoint.isClosed()).isFalse();
    }

    @Test
    void aClockSkewMovesTheNodesWallClockAndIsConfirmed() {
        long nanoBefore = node.clock.nanoTime();

        long applyId = applyFault(FaultKind.SKEW_CLOCK, FakeNode.NODE_A, Direction.BOTH, Duration.ofHours(1).toNanos(), 0);

        assertThat(node.clock.instant()).isEqualTo(node.time.now().plus(Duration.ofHours(1)));
        assertThat(node.clock.nanoTime()).isEqualTo(nanoBefore);
        assertConfirmed(applyId);
    }

    @Test
    void aClockDriftChangesTheNodesRateAndIsConfirmed() {
        long nanoBefore = node.clock.nanoTime();

        long applyId = applyFault(FaultKind.DRIFT_CLOCK, FakeNode.NODE_A, Direction.BOTH, 0, 2.0);
        node.time.advance(Duration.ofSeconds(1));

        assertThat(node.clock.nanoTime()).isEqualTo(nanoBefore + Duration.ofSeconds(2).toNanos());
        assertConfirmed(applyId);
    }

    @Test
    void listenersHearThisNodesOwnLinkFaultsBeforeTheConfirmationButNotThePeersMirrors() {
        List<String> heard = new ArrayList<>();
        node.listeners.add(event -> heard.add(event.kind() + " " + event.from() + "->" + event.to() + " " + event.direction()
                + " " + event.inForce() + " confirmed before: " + !node.endpoint.sent().isEmpty()));

        apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.RECEIVE);
        apply(FaultKind.PEER_BLACKHOLE, FakeNode.NODE_C, Direction.BOTH);
        node.endpoint.sent().clear();
        apply(FaultKind.PASS_THROUGH, FakeNode.NODE_B, Direction.RECEIVE);

        assertThat(heard).containsExactly("BLACKHOLE node-a->node-b RECEIVE true confirmed before: false",
                "BLACKHOLE node-a->node-b RECEIVE false confirmed before: false");
        assertThat(node.filter.passInbound(FakeNode.NODE_C)).as("a mirror leaves the frames' filter alone").isTrue();
    }

    @Test
    void theConfirmationSaysWhetherTheLinkCarriedTheSystemsTrafficOrAListenerMirrorsIt() {
        apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.SEND);
        assertThat(FaultAppliedMessage.touched(node.endpoint.sent().get(0).buffer())).isFalse();
        node.endpoint.sent().clear();

        node.traffic.received(FakeNode.NODE_C);
        apply(FaultKind.BLACKHOLE, FakeNode.NODE_C, Direction.SEND);
        assertThat(FaultAppliedMessage.touched(node.endpoint.sent().get(0).buffer())).as("a frame from node-c").isTrue();
        node.endpoint.sent().clear();

        node.traffic.endPhase();
        node.traffic.endPhase();
        applyFault(FaultKind.DELAY, FakeNode.NODE_C, Direction.SEND, 1_000, 0);
        assertThat(FaultAppliedMessage.touched(node.endpoint.sent().get(0).buffer())).as("two phases later").isFalse();
        node.endpoint.sent().clear();

        node.listeners.add(event -> { });
        apply(FaultKind.BLACKHOLE, FakeNode.NODE_B, Direction.RECEIVE);
        assertThat(FaultAppliedMessage.touched(node.endpoint.sent().get(0).buffer())).as("with a listener").isTrue();
    }

    @Test
    void aPartitionNeverReachesANodeAsSuch() {
        assertThatThrownBy(() -> apply(FaultKind.PARTITION, FakeNode.NODE_B, Direction.BOTH))
                .isInstanceOf(IllegalStateException.class);
    }

    private void assertConfirmed(long applyId) {
        assertThat(node.endpoint.sent()).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.peer()).isEqualTo(FakeNode.CONDUCTOR);
            assertThat(confirmation.type()).isEqualTo(FaultAppliedMessage.TYPE);
            assertThat(FaultAppliedMessage.applyId(confirmation.buffer())).isEqualTo(applyId);
        });
    }

    private long apply(FaultKind kind, int peer, Direction direction) {
        return applyFault(kind, peer, direction, 0, 0);
    }

    private void applyLink(FaultKind kind, int peer, long delayNanos, double probability) {
        applyFault(kind, peer, Direction.SEND, delayNanos, probability);
    }

    private long applyFault(FaultKind kind, int peer, Direction direction, long delayNanos, double probability) {
        long applyId = ++applyIds;
        ByteBuffer command = FaultApplyMessage.write(ByteBuffer.allocate(64), applyId, kind, peer, direction, delayNanos,
                probability);
        node.faultApplier.apply(new FaultApplyMessage().wrap(command));
        return applyId;
    }
}
