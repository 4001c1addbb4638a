package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.testing.FakeEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The system under test's traffic beneath the fault filter, on an endpoint with no transport. */
class NodeMessagingTest {

    private final FakeNode node = new FakeNode();
    private final List<String> handled = new ArrayList<>();

    @AfterEach
    void release() {
        node.close();
    }

    @Test
    void aFrameGoesStraightToTheEndpointAndIsCounted() {
        node.messaging.send("node-b", ByteBuffer.wrap(new byte[] {7}));

        assertThat(node.endpoint.sent()).singleElement().satisfies(frame -> {
            assertThat(frame.peer()).isEqualTo(FakeNode.NODE_B);
            assertThat(frame.type()).isEqualTo(FrameType.USER);
            assertThat(frame.payload()).containsExactly(7);
        });
        assertThat(node.traffic.drainSent(FakeNode.NODE_B)).isEqualTo(1);
    }

    @Test
    void aBlockedLinkSendsNothingAndCountsTheDrop() {
        node.filter.block(FakeNode.NODE_B, Direction.SEND, true);

        node.messaging.send("node-b", ByteBuffer.wrap(new byte[] {1}));
        node.messaging.send("node-c", ByteBuffer.wrap(new byte[] {2}));

        assertThat(node.endpoint.sent()).singleElement().satisfies(frame -> assertThat(frame.peer()).isEqualTo(FakeNode.NODE_C));
        assertThat(node.traffic.drainDroppedTo(FakeNode.NODE_B)).isEqualTo(1);
        assertThat(node.traffic.drainSent(FakeNode.NODE_B)).isZero();
    }

    @Test
    void delayedFramesArriveLateAndInTheOrderSent() {
        Duration delay = Duration.ofMillis(200);
        node.filter.delay(FakeNode.NODE_B, delay.toNanos());
        long started = System.nanoTime();

        for (byte i = 0; i < 20; i++) {
            node.messaging.send("node-b", ByteBuffer.wrap(new byte[] {i}));
        }

        List<FakeEndpoint.Frame> sent = node.endpoint.awaitSent(20, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
        assertThat(sent).extracting(frame -> frame.payload()[0])
                .containsExactly((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6, (byte) 7,
                        (byte) 8, (byte) 9, (byte) 10, (byte) 11, (byte) 12, (byte) 13, (byte) 14, (byte) 15,
                        (byte) 16, (byte) 17, (byte) 18, (byte) 19);
        assertThat(node.traffic.drainSent(FakeNode.NODE_B)).isEqualTo(20);
    }

    @Test
    void droppedFramesAreCountedAndTheSeedReplaysWhichOnes() {
        node.filter.drop(FakeNode.NODE_B, 0.5);
        List<Integer> passed = sendNumbered(node, 200);

        assertThat(passed.size()).isBetween(50, 150);
        assertThat(node.traffic.drainDroppedTo(FakeNode.NODE_B)).isEqualTo(200 - passed.size());
        try (FakeNode replay = new FakeNode()) {
            replay.filter.drop(FakeNode.NODE_B, 0.5);
            assertThat(sendNumbered(replay, 200)).isEqualTo(passed);
        }
    }

    private static List<Integer> sendNumbered(FakeNode sender, int count) {
        for (int i = 0; i < count; i++) {
            sender.messaging.send("node-b", ByteBuffer.allocate(Integer.BYTES).putInt(0, i));
        }
        return sender.endpoint.sent().stream().map(frame -> frame.buffer().getInt()).toList();
    }

    @Test
    void aFrameFromABlockedPeerIsDroppedBeforeTheHandlerAndCounted() {
        node.messaging.onReceive((from, frame) -> handled.add(from));
        node.filter.block(FakeNode.NODE_B, Direction.RECEIVE, true);

        node.messaging.deliverFrame(FakeNode.NODE_B, ByteBuffer.allocate(1));
        node.messaging.deliverFrame(FakeNode.NODE_C, ByteBuffer.allocate(1));

        assertThat(handled).containsExactly("node-c");
        assertThat(node.traffic.drainDroppedFrom(FakeNode.NODE_B)).isEqualTo(1);
    }

    @Test
    void framesBeforeAHandlerIsSetAreCounted() {
        node.messaging.deliverFrame(FakeNode.NODE_B, ByteBuffer.allocate(1));

        assertThat(node.messaging.unhandledFrames()).isEqualTo(1);
    }

    @Test
    void aHandlerThatThrowsFailsTheNodeOutsideItsBody() {
        node.messaging.onReceive((from, frame) -> {
            throw new IllegalStateException("bad frame");
        });

        node.messaging.deliverFrame(FakeNode.NODE_B, ByteBuffer.allocate(1));

        assertThat(node.control.backgroundFailure()).hasMessage("The frame handler of node-a threw on a frame from node-b")
                .hasRootCauseMessage("bad frame");
    }

    @Test
    void aProbeMessageReachesItsMailbox() {
        node.messaging.tell(node.messaging.probeRef("node-a", "inbox"), "hello");
        ByteBuffer received = node.endpoint.sent().get(0).buffer();

        node.messaging.deliverProbeMessage(FakeNode.NODE_A, received);

        node.messaging.probe("inbox").expectMessage("hello", Duration.ofSeconds(1));
    }
}
