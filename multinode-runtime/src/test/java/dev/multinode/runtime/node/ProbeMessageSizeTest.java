package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.ProbeRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A probe message over the size limit is refused at the sender with its size, whether it exceeds
 * only the user's limit or the transport's frame as well, and nothing is sent.
 */
class ProbeMessageSizeTest {

    /** The probe name's length prefix and bytes, then the byte array's tag and length. */
    private static final int OVERHEAD = 4 + "inbox".length() + 1 + 4;

    private final FakeNode node = new FakeNode();
    private final ProbeRef inbox = new ProbeRef("node-b", "inbox");

    @AfterEach
    void release() {
        node.close();
    }

    @Test
    void aMessageJustOverTheLimitGivesItsSize() {
        byte[] message = new byte[FakeNode.MAX_FRAME - OVERHEAD + 1];

        assertThatThrownBy(() -> node.messaging.tell(inbox, message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(tooLarge(FakeNode.MAX_FRAME + 1));
        assertThat(node.endpoint.sent()).isEmpty();
    }

    @Test
    void aMessageBeyondTheTransportsFrameGivesItsSize() {
        byte[] message = new byte[FakeNode.TRANSPORT_FRAME * 3];

        assertThatThrownBy(() -> node.messaging.tell(inbox, message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(tooLarge(FakeNode.TRANSPORT_FRAME * 3 + OVERHEAD));
        assertThat(node.endpoint.sent()).isEmpty();
    }

    @Test
    void aProbeNameBeyondTheTransportsFrameCountsToo() {
        ProbeRef longName = new ProbeRef("node-b", "n".repeat(FakeNode.TRANSPORT_FRAME));

        assertThatThrownBy(() -> node.messaging.tell(longName, "hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Probe message of " + (4 + FakeNode.TRANSPORT_FRAME + 1 + 4 + 5) + " bytes");
    }

    @Test
    void aMessageAtTheLimitIsSent() {
        node.messaging.tell(inbox, new byte[FakeNode.MAX_FRAME - OVERHEAD]);

        assertThat(node.endpoint.sent()).singleElement()
                .satisfies(frame -> assertThat(frame.payload()).hasSize(FakeNode.MAX_FRAME));
    }

    private static String tooLarge(int size) {
        return "Probe message of " + size + " bytes from node-a to inbox@node-b exceeds the limit of "
                + FakeNode.MAX_FRAME + " bytes (multinode.maxFrameSize)";
    }
}
