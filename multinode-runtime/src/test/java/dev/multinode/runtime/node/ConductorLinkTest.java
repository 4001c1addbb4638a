package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.PhaseTraffic;
import dev.multinode.runtime.protocol.Outcome;
import dev.multinode.runtime.testing.FakeEndpoint;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control frames a node sends to the conductor. */
class ConductorLinkTest {

    private static final String STEP = "after barrier 'joined'";
    private static final int FRAMES = 40;

    private final FakeNode node = new FakeNode();

    @Test
    void aDoneWhoseErrorDoesNotFitIsRetriedWithTheSameTraffic() {
        node.traffic.sent(FakeNode.NODE_B);
        node.traffic.sent(FakeNode.NODE_B);
        node.traffic.droppedTo(FakeNode.NODE_C);
        IllegalStateException error = errorFillingTheFrameUpToTheTraffic();

        node.link.sendDone(NodeOutcome.failed(STEP, error));

        DoneMessage done = new DoneMessage().wrap(node.endpoint.sent().get(0).buffer());
        assertThat(done.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(done.error().getMessage()).startsWith("java.lang.IllegalStateException: padded");
        PhaseTraffic phase = new PhaseTraffic(4);
        done.addTraffic(FakeNode.NODE_A, phase);
        assertThat(phase.sent()[FakeNode.NODE_A][FakeNode.NODE_B]).isEqualTo(2);
        assertThat(phase.dropped()[FakeNode.NODE_A][FakeNode.NODE_C]).isEqualTo(1);
    }

    /**
     * An error whose frames fill the DONE frame so that its text fits but the traffic after it does
     * not: the first attempt drains some counters before it overflows. Each character more of the
     * frames' class name adds one byte per frame.
     */
    private IllegalStateException errorFillingTheFrameUpToTheTraffic() {
        int traffic = Short.BYTES + 3 * node.participants.count() * Long.BYTES + Short.BYTES;
        int unpadded = sizeOfDone(paddedError(0)) - traffic;
        int padding = (FakeNode.TRANSPORT_FRAME - traffic / 2 - unpadded) / FRAMES;
        IllegalStateException error = paddedError(padding);
        assertThat(sizeOfDone(error) - traffic).isLessThanOrEqualTo(FakeNode.TRANSPORT_FRAME);
        assertThat(sizeOfDone(error)).isGreaterThan(FakeNode.TRANSPORT_FRAME);
        return error;
    }

    private static IllegalStateException paddedError(int padding) {
        IllegalStateException error = new IllegalStateException("padded");
        StackTraceElement[] frames = new StackTraceElement[FRAMES];
        Arrays.fill(frames, new StackTraceElement("Padding" + "x".repeat(padding), "run", "Padding.java", 1));
        error.setStackTrace(frames);
        return error;
    }

    private int sizeOfDone(Throwable error) {
        ByteBuffer roomy = ByteBuffer.allocate(1 << 20);
        return DoneMessage.write(roomy, Outcome.FAILED, STEP, error, new TrafficCounter(node.participants.count(), node.relays))
                .remaining();
    }

    @Test
    void anEnterCarriesTheTrafficSinceTheLastOne() {
        node.traffic.sent(FakeNode.NODE_C);

        node.link.sendEnter("joined", 5000);
        node.link.sendEnter("left", 5000);

        List<FakeEndpoint.Frame> frames = node.endpoint.sent();
        assertThat(sentToC(frames.get(0))).isEqualTo(1);
        assertThat(sentToC(frames.get(1))).isZero();
    }

    private static long sentToC(FakeEndpoint.Frame enter) {
        PhaseTraffic phase = new PhaseTraffic(4);
        new EnterMessage().wrap(enter.buffer()).addTraffic(FakeNode.NODE_A, phase);
        return phase.sent()[FakeNode.NODE_A][FakeNode.NODE_C];
    }
}
