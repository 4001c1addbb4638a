package dev.multinode.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec tells a message's encoded size without a buffer, which a too-large message needs. */
class MessageCodecSizeTest {

    enum Level { LOW, HIGH }

    record Reading(String sensor, double value, Level level, List<Object> tags, ProbeRef replyTo) {
    }

    private final MessageCodec codec = new MessageCodec(List.of(Reading.class, Level.class));

    @Test
    void theSizeIsWhatEncodingWrites() {
        List<Object> messages = Arrays.asList(null, "text", "\u00e9t\u00e9", true, (byte) 7, (short) -3, 'x', 42, 42L,
                1.5f, 2.5d, new byte[] {1, 2, 3}, new ProbeRef("node-a", "inbox"), List.of("a", 1, List.of(2L)),
                Level.HIGH, new Reading("t1", 21.5, Level.LOW, List.of("x", 3), new ProbeRef("node-b", "out")));
        for (Object message : messages) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            codec.encode(buffer, message);
            assertThat(codec.encodedSize(message)).as("size of %s", message).isEqualTo(buffer.position());
        }
    }

    @Test
    void theSizeOfAMessageOfATypeNotAllowedIsTheSameRefusal() {
        record Unlisted(String text) {
        }
        assertThatThrownBy(() -> codec.encodedSize(List.of(new Unlisted("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not allowed in probe messages");
    }
}
