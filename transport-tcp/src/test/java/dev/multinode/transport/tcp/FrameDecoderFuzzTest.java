package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder seeded random and mutated streams in random chunks, the way a connection
 * does (compact, read, flip, decode), and compares what it decodes with a plain reference parser
 * of the whole stream: the same frames, and a rejection exactly when the reference finds a bad
 * header, and never any exception other than {@link FrameRejectedException}.
 */
class FrameDecoderFuzzTest {

    private static final long SEED = 0x5EED_F00DL;
    private static final int CASES = 120_000;
    private static final int MAX_PAYLOAD = 48;

    @Test
    void randomAndMutatedStreamsDecodeLikeTheReferenceAndOnlyEverRejectCleanly() {
        Random random = new Random(SEED);
        FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, 1, 127);
        int rejected = 0;
        int intact = 0;
        for (int c = 0; c < CASES; c++) {
            List<byte[]> sent = new ArrayList<>();
            byte[] stream = validStream(random, sent);
            int mutation = random.nextInt(6);
            stream = mutate(stream, mutation, random);
            Outcome expected = reference(stream);
            Outcome actual;
            try {
                actual = streamed(decoder, stream, random);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + c + " (mutation " + mutation + ") threw " + e + " on "
                        + Arrays.toString(stream), e);
            }
            assertEquals(expected.rejected, actual.rejected, () -> "rejection in case " + expected.frames.size());
            assertEquals(expected.frames.size(), actual.frames.size(), "frame count");
            for (int i = 0; i < expected.frames.size(); i++) {
                if (!Arrays.equals(expected.frames.get(i), actual.frames.get(i))) {
                    fail("case " + c + ": frame " + i + " differs");
                }
            }
            if (mutation == 0) {
                assertEquals(sent.size(), actual.frames.size(), "an intact stream decodes completely");
                for (int i = 0; i < sent.size(); i++) {
                    assertTrue(Arrays.equals(sent.get(i), actual.frames.get(i)), "intact frame " + i);
                }
                intact++;
            }
            rejected += actual.rejected ? 1 : 0;
        }
        assertTrue(intact > CASES / 10 && rejected > CASES / 10, "the cases mix intact (" + intact
                + ") and rejected (" + rejected + ") streams");
    }

    @Test
    void hostileLengthPrefixesAreRejectedAsSoonAsTheirFourBytesArrive() {
        FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, 1, 127);
        for (int length : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, MAX_PAYLOAD + 2, 0x7FFF_FFF0}) {
            ByteBuffer in = ByteBuffer.allocate(4).putInt(length).flip();
            FrameRejectedException e = assertThrows(FrameRejectedException.class,
                    () -> decoder.decode(in, in.duplicate(), (type, payload) -> fail("no frame expected"), 10));
            assertTrue(e.getMessage().contains(String.valueOf(length)), e.getMessage());
            assertThrows(FrameRejectedException.class, () -> decoder.pendingFrameBytes(in));
        }
        ByteBuffer badType = ByteBuffer.allocate(5).putInt(1).put((byte) 0).flip();
        assertThrows(FrameRejectedException.class,
                () -> decoder.decode(badType, badType.duplicate(), (type, payload) -> fail("no frame expected"), 10));
    }

    private static byte[] validStream(Random random, List<byte[]> frames) {
        int count = 1 + random.nextInt(5);
        ByteBuffer out = ByteBuffer.allocate(count * (5 + MAX_PAYLOAD));
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[random.nextInt(MAX_PAYLOAD + 1)];
            random.nextBytes(payload);
            int type = 1 + random.nextInt(127);
            out.putInt(1 + payload.length).put((byte) type).put(payload);
            byte[] frame = new byte[1 + payload.length];
            frame[0] = (byte) type;
            System.arraycopy(payload, 0, frame, 1, payload.length);
            frames.add(frame);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static byte[] mutate(byte[] stream, int mutation, Random random) {
        byte[] copy = stream.clone();
        switch (mutation) {
            case 1 -> copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> {
                int at = random.nextInt(Math.max(1, copy.length - 3));
                int value = switch (random.nextInt(4)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> random.nextInt();
                    case 2 -> MAX_PAYLOAD + 1 + random.nextInt(3);
                    default -> -random.nextInt(3);
                };
                ByteBuffer.wrap(copy).putInt(Math.min(at, copy.length - 4), value);
            }
            case 3 -> copy = Arrays.copyOf(copy, random.nextInt(copy.length));
            case 4 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                int at = random.nextInt(copy.length + 1);
                byte[] longer = new byte[copy.length + noise.length];
                System.arraycopy(copy, 0, longer, 0, at);
                System.arraycopy(noise, 0, longer, at, noise.length);
                System.arraycopy(copy, at, longer, at + noise.length, copy.length - at);
                copy = longer;
            }
            case 5 -> random.nextBytes(copy);
            default -> {
                // intact
            }
        }
        return copy;
    }

    /** Parses the whole stream at once: frames until the first bad header or the end. */
    private static Outcome reference(byte[] stream) {
        Outcome outcome = new Outcome();
        int at = 0;
        while (stream.length - at >= 4) {
            int length = ByteBuffer.wrap(stream, at, 4).getInt();
            if (length < 1 || length > MAX_PAYLOAD + 1) {
                outcome.rejected = true;
                return outcome;
            }
            if (stream.length - at < 5) {
                break;
            }
            int type = stream[at + 4];
            if (type < 1) {
                outcome.rejected = true;
                return outcome;
            }
            if (stream.length - at - 4 < length) {
                break;
            }
            outcome.frames.add(Arrays.copyOfRange(stream, at + 4, at + 4 + length));
            at += 4 + length;
        }
        return outcome;
    }

    /** Decodes as a connection does: bytes arrive in random chunks into a buffer that holds one whole frame. */
    private static Outcome streamed(FrameDecoder decoder, byte[] stream, Random random) {
        Outcome outcome = new Outcome();
        ByteBuffer buffer = ByteBuffer.allocate(FrameDecoder.HEADER_BYTES + MAX_PAYLOAD).flip();
        ByteBuffer view = buffer.duplicate();
        FrameSink sink = (type, payload) -> {
            assertTrue(payload.remaining() <= MAX_PAYLOAD, "payload within the limit");
            byte[] frame = new byte[1 + payload.remaining()];
            frame[0] = (byte) type;
            payload.get(frame, 1, payload.remaining());
            outcome.frames.add(frame);
        };
        int offset = 0;
        try {
            while (true) {
                buffer.compact();
                int chunk = Math.min(Math.min(stream.length - offset, buffer.remaining()), 1 + random.nextInt(24));
                buffer.put(stream, offset, chunk);
                offset += chunk;
                buffer.flip();
                int decoded;
                do {
                    decoded = decoder.decode(buffer, view, sink, 1 + random.nextInt(3));
                } while (decoded > 0);
                assertTrue(decoder.pendingFrameBytes(buffer) <= buffer.capacity(), "a pending frame fits the buffer");
                if (offset == stream.length) {
                    return outcome;
                }
            }
        } catch (FrameRejectedException e) {
            outcome.rejected = true;
            return outcome;
        }
    }

    private static final class Outcome {
        final List<byte[]> frames = new ArrayList<>();
        boolean rejected;
    }
}
