package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.List;

/** Deterministic frames between participants, and the check that they all arrived intact and in order. */
final class Traffic {

    private Traffic() {
    }

    /** @return the frame {@code seq} from {@code from} to {@code to}: a header and filler of varying length */
    static ByteBuffer payload(int from, int to, int seq, boolean direct) {
        int filler = (seq * 7 + from * 3 + to) % 50;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(12 + filler) : ByteBuffer.allocate(12 + filler);
        buffer.putInt(from).putInt(to).putInt(seq);
        for (int i = 0; i < filler; i++) {
            buffer.put((byte) (from * 31 + seq + i));
        }
        return buffer.flip();
    }

    /** @return the type of frame {@code seq}, covering 1..127 */
    static int type(int seq) {
        return Endpoint.MIN_TYPE + seq % Endpoint.MAX_TYPE;
    }

    /** Sends {@code count} frames from {@code sender} to {@code to}, checking that the payload's position stays. */
    static void send(Endpoint sender, int to, int count) {
        for (int seq = 0; seq < count; seq++) {
            ByteBuffer payload = payload(sender.participant(), to, seq, seq % 2 == 0);
            int position = payload.position();
            sender.send(to, type(seq), payload);
            assertEquals(position, payload.position(), "send must not move the payload's position");
        }
    }

    /** Checks that {@code received} holds exactly frames 0..count-1 from {@code from} to {@code to}, in order. */
    static void check(TestSupport.Received received, int from, int to, int count) {
        List<TestSupport.Frame> frames = received.from(from);
        assertEquals(count, frames.size(), "frames from " + from + " to " + to);
        for (int seq = 0; seq < count; seq++) {
            TestSupport.Frame frame = frames.get(seq);
            assertEquals(type(seq), frame.type(), "type of frame " + seq + " from " + from + " to " + to);
            ByteBuffer expected = payload(from, to, seq, false);
            byte[] bytes = new byte[expected.remaining()];
            expected.get(bytes);
            assertArrayEquals(bytes, frame.payload(), "payload of frame " + seq + " from " + from + " to " + to);
        }
    }
}
