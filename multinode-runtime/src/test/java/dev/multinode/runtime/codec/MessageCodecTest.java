package dev.multinode.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.ProbeRef;
import dev.multinode.runtime.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The probe codec round-trips what it accepts and never instantiates a class the spec did not allow. */
class MessageCodecTest {

    enum Level { LOW, HIGH }

    record Reading(String sensor, double value, Level level, List<Object> tags, ProbeRef replyTo) {
    }

    record Unlisted(String text) {
    }

    private final MessageCodec codec = new MessageCodec(List.of(Reading.class, Level.class));

    @Test
    void roundTripsEveryAcceptedType() {
        List<Object> messages = Arrays.asList(null, "text", true, (byte) 7, (short) -3, 'x', 42, 42L, 1.5f, 2.5d,
                new ProbeRef("node-a", "inbox"), List.of("a", 1, List.of(2L)), Level.HIGH,
                new Reading("t1", 21.5, Level.LOW, List.of("x", 3), new ProbeRef("node-b", "out")));
        for (Object message : messages) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            codec.encode(buffer, message);
            assertThat(codec.decode(buffer.flip())).isEqualTo(message);
        }
        ByteBuffer bytes = ByteBuffer.allocate(64);
        codec.encode(bytes, new byte[] {1, 2, 3});
        assertThat((byte[]) codec.decode(bytes.flip())).containsExactly(1, 2, 3);
    }

    @Test
    void refusesToSendWhatWasNotAllowed() {
        assertThatThrownBy(() -> codec.encode(ByteBuffer.allocate(256), new Unlisted("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unlisted.class.getName() + " is not allowed in probe messages")
                .hasMessageContaining("allow(Unlisted.class)");
        assertThatThrownBy(() -> codec.encode(ByteBuffer.allocate(256), new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot send a value of class java.lang.Object in a probe message: accepted are ");
    }

    @Test
    void theRefusalReadsWellForAnyClassName() {
        assertThatThrownBy(() -> codec.encode(ByteBuffer.allocate(256), new int[0]))
                .hasMessageStartingWith("cannot send a value of class int[] in a probe message");
        assertThatThrownBy(() -> codec.encode(ByteBuffer.allocate(256), Optional.empty()))
                .hasMessageStartingWith("cannot send a value of class java.util.Optional in a probe message");
    }

    @Test
    void aFrameNamingAClassThatWasNotAllowedIsRejectedWithoutLoadingIt() {
        ByteBuffer forged = ByteBuffer.allocate(256);
        forged.put((byte) 14); // the record tag
        Wire.putString(forged, "java.lang.ProcessBuilder");
        forged.put((byte) 0);
        assertThatThrownBy(() -> codec.decode(forged.flip()))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("class java.lang.ProcessBuilder is not allowed in probe messages");
    }

    @Test
    void randomAndTruncatedBytesOnlyEverGiveTheDocumentedRejection() {
        Random random = new Random(20261128L);
        ByteBuffer valid = ByteBuffer.allocate(1024);
        codec.encode(valid, new Reading("t1", 21.5, Level.LOW, List.of("x", 3), new ProbeRef("node-b", "out")));
        byte[] template = Arrays.copyOf(valid.array(), valid.position());
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = i % 2 == 0 ? randomBytes(random) : mutate(template, random);
            try {
                codec.decode(ByteBuffer.wrap(bytes));
            } catch (MalformedMessageException expected) {
                // the documented rejection
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] template, Random random) {
        byte[] bytes = Arrays.copyOf(template, random.nextInt(template.length + 1));
        for (int flips = random.nextInt(4); flips >= 0 && bytes.length > 0; flips--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
