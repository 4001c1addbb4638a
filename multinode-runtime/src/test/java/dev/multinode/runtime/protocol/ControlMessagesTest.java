package dev.multinode.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.Direction;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every control message reads back what its writer wrote, from the same class's layout. */
class ControlMessagesTest {

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    /**
     * Frames 1..3 sent, 10.. dropped on the way to, 20.. dropped on the way from participants 0..2;
     * relayed with participant 1 only: 100 bytes to it, 200 from it, 1 connection opened, 2 accepted.
     */
    private static TrafficReport.Counts counts() {
        return TrafficReport.Counts.of(new long[] {1, 2, 3}, new long[] {10, 11, 12}, new long[] {20, 21, 22},
                new long[][] {null, {100, 200, 1, 2}, {0, 0, 0, 0}});
    }

    /** What the transport hands a reader: a copy at position 0. */
    private static ByteBuffer received(ByteBuffer sent) {
        return Wire.copy(sent.duplicate(), ByteBuffer.allocate(64 * 1024));
    }

    @Test
    void enterCarriesTheBarrierTheTimeoutAndTheTraffic() {
        EnterMessage enter = new EnterMessage().wrap(received(EnterMessage.write(buffer, "cluster-up", 1500, counts())));
        PhaseTraffic phase = new PhaseTraffic(3);
        enter.addTraffic(2, phase);
        long[][] dropped = phase.dropped();

        assertThat(enter.barrier()).isEqualTo("cluster-up");
        assertThat(enter.timeoutMillis()).isEqualTo(1500);
        assertThat(phase.sent()[2]).containsExactly(1, 2, 3);
        assertThat(dropped[2]).containsExactly(10, 11, 12 + 22);
        assertThat(new long[] {dropped[0][2], dropped[1][2]}).containsExactly(20, 21);
        assertThat(phase.relayedBytes()[2]).containsExactly(0, 100, 0);
        assertThat(phase.relayedBytes()[1][2]).isEqualTo(200);
        assertThat(phase.relayedConnections()[2][1]).isEqualTo(1);
        assertThat(phase.relayedConnections()[1][2]).isEqualTo(2);
    }

    @Test
    void doneCarriesOutcomeStepErrorAndTraffic() {
        IllegalStateException error = new IllegalStateException("boom", new ArithmeticException("zero"));
        DoneMessage done = new DoneMessage().wrap(received(
                DoneMessage.write(buffer, Outcome.FAILED, "after barrier 'x'", error, counts())));
        PhaseTraffic phase = new PhaseTraffic(3);
        done.addTraffic(1, phase);
        long[][] sent = phase.sent();

        assertThat(done.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(done.step()).isEqualTo("after barrier 'x'");
        RemoteNodeException rebuilt = done.error();
        assertThat(rebuilt.originalClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(rebuilt.getMessage()).isEqualTo("boom");
        assertThat(rebuilt.getCause()).hasMessage("zero");
        assertThat(sent[1]).containsExactly(1, 2, 3);
    }

    @Test
    void doneWithoutAnErrorHasNone() {
        DoneMessage done = new DoneMessage().wrap(received(DoneMessage.write(buffer, Outcome.PASSED, "s", null, counts())));
        PhaseTraffic phase = new PhaseTraffic(3);
        done.addTraffic(1, phase);
        long[][] sent = phase.sent();

        assertThat(done.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(done.error()).isNull();
        assertThat(sent[1]).containsExactly(1, 2, 3);
    }

    @Test
    void stringMessagesReadBackTheirStrings() {
        assertThat(new ReleaseMessage().wrap(received(ReleaseMessage.write(buffer, "b"))).barrier()).isEqualTo("b");
        BarrierFailedMessage failed = new BarrierFailedMessage().wrap(received(BarrierFailedMessage.write(buffer, "b", "why é")));
        assertThat(failed.barrier()).isEqualTo("b");
        assertThat(failed.reason()).isEqualTo("why é");
        assertThat(new AbortMessage().wrap(received(AbortMessage.write(buffer, "node-a failed"))).reason()).isEqualTo("node-a failed");
        FaultDoneMessage answer = new FaultDoneMessage().wrap(received(FaultDoneMessage.write(buffer, 42, "", "")));
        assertThat(answer.requestId()).isEqualTo(42);
        assertThat(answer.refusal()).isEmpty();
        assertThat(Signal.write(buffer).remaining()).isZero();
    }

    @Test
    void aDumpIsCutAtItsLimitWithAMarker() {
        String stack = new DumpMessage().wrap(received(DumpMessage.write(buffer, "x".repeat(DumpMessage.MAX_CHARS + 5)))).stack();

        assertThat(stack).hasSize(DumpMessage.MAX_CHARS + "\n\t...".length()).endsWith("\n\t...");
    }

    @Test
    void aFaultRequestKeepsItsTwoSidesApart() {
        FaultRequestMessage request = new FaultRequestMessage().wrap(received(FaultRequestMessage.write(buffer, 7,
                FaultKind.PARTITION, Direction.BOTH, 0, 0, List.of("a", "b"), List.of("c"))));

        assertThat(request.requestId()).isEqualTo(7);
        assertThat(request.kind()).isEqualTo(FaultKind.PARTITION);
        assertThat(request.direction()).isEqualTo(Direction.BOTH);
        assertThat(request.side1()).containsExactly("a", "b");
        assertThat(request.side2()).containsExactly("c");
    }

    @Test
    void aFaultRequestCarriesDelayAndProbability() {
        FaultRequestMessage request = new FaultRequestMessage().wrap(received(FaultRequestMessage.write(buffer, 8,
                FaultKind.DROP, Direction.SEND, 5_000_000, 0.25, List.of("a"), List.of("b"))));

        assertThat(request.delayNanos()).isEqualTo(5_000_000);
        assertThat(request.probability()).isEqualTo(0.25);
        assertThat(request.direction()).isEqualTo(Direction.SEND);
    }

    @Test
    void aFaultApplicationIsReadInPlaceAtAnyPosition() {
        ByteBuffer sent = FaultApplyMessage.write(buffer, 9, FaultKind.BLACKHOLE, 3, Direction.RECEIVE, 11, 0.5);
        ByteBuffer view = ByteBuffer.allocateDirect(100).position(17);
        view.put(sent.duplicate()).flip().position(17);

        FaultApplyMessage apply = new FaultApplyMessage().wrap(view);
        assertThat(apply.applyId()).isEqualTo(9);
        assertThat(apply.kind()).isEqualTo(FaultKind.BLACKHOLE);
        assertThat(apply.peer()).isEqualTo(3);
        assertThat(apply.direction()).isEqualTo(Direction.RECEIVE);
        assertThat(apply.delayNanos()).isEqualTo(11);
        assertThat(apply.probability()).isEqualTo(0.5);
        assertThat(FaultAppliedMessage.applyId(FaultAppliedMessage.write(buffer, 12, false))).isEqualTo(12);
        assertThat(FaultAppliedMessage.touched(FaultAppliedMessage.write(buffer, 12, false))).isFalse();
        assertThat(FaultAppliedMessage.touched(FaultAppliedMessage.write(buffer, 12, true))).isTrue();
    }

    @Test
    void forgedMessagesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new FaultApplyMessage().wrap(ByteBuffer.allocate(5)))
                .hasMessage("FAULT_APPLY of 5 bytes, expected 30");
        ByteBuffer forged = ByteBuffer.allocate(16).putInt(0, 1_000).limit(16);
        assertThatThrownBy(() -> new ReleaseMessage().wrap(forged).barrier())
                .hasMessage("malformed string of length 1000 with 12 bytes left");
        assertThatThrownBy(() -> Outcome.of((byte) 7)).hasMessage("unknown outcome code 7");
        assertThatThrownBy(() -> FaultKind.of((byte) 0)).hasMessage("unknown fault kind code 0");
        assertThatThrownBy(() -> Wire.direction((byte) 3)).hasMessage("unknown direction code 3");
    }

    @Test
    void wireCodesAreStable() {
        assertThat(List.of(Outcome.values()).stream().map(Outcome::code).toList()).containsExactly((byte) 0, (byte) 1, (byte) 2);
        for (FaultKind kind : FaultKind.values()) {
            assertThat(FaultKind.of(kind.code())).isSameAs(kind);
        }
    }
}
