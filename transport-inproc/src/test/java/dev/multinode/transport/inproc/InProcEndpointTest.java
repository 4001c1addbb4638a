package dev.multinode.transport.inproc;

import static dev.multinode.transport.inproc.TestTransports.bytes;
import static dev.multinode.transport.inproc.TestTransports.receive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.transport.inproc.TestTransports.Frame;
import dev.multinode.transport.inproc.TestTransports.Received;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InProcEndpointTest {

    private static final int MAX_FRAME = 1024;

    private InProcTransport transport;
    private Endpoint conductor;
    private Endpoint node1;
    private Endpoint node2;

    @BeforeEach
    void open() {
        transport = TestTransports.open(2, MAX_FRAME);
        conductor = transport.endpoint(0);
        node1 = transport.endpoint(1);
        node2 = transport.endpoint(2);
    }

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void deliversSenderTypeAndBytesInOrderPerSender() {
        node1.send(0, 5, bytes(1, 2, 3));
        node2.send(0, 127, bytes(9));
        node1.send(0, 1, bytes());
        node2.send(0, 6, bytes(8, 7));

        List<Frame> frames = receive(conductor, 4).frames;
        List<Frame> fromNode1 = frames.stream().filter(f -> f.from() == 1).toList();
        List<Frame> fromNode2 = frames.stream().filter(f -> f.from() == 2).toList();
        assertEquals(2, fromNode1.size());
        assertEquals(2, fromNode2.size());
        assertFrame(fromNode1.get(0), 1, 5, 1, 2, 3);
        assertFrame(fromNode1.get(1), 1, 1);
        assertFrame(fromNode2.get(0), 2, 127, 9);
        assertFrame(fromNode2.get(1), 2, 6, 8, 7);
    }

    @Test
    void copiesEveryKindOfBufferWithoutMovingIt() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5}, 2, 3);
        ByteBuffer slice = ByteBuffer.wrap(new byte[] {9, 9, 7, 8, 9}).position(2).slice();
        ByteBuffer readOnly = bytes(4, 5).asReadOnlyBuffer();
        ByteBuffer direct = ByteBuffer.allocateDirect(8).put(new byte[] {6, 6, 6}).flip().position(1);

        for (ByteBuffer payload : List.of(heap, slice, readOnly, direct)) {
            int position = payload.position();
            int limit = payload.limit();
            node1.send(2, 3, payload);
            assertEquals(position, payload.position());
            assertEquals(limit, payload.limit());
        }

        List<Frame> frames = receive(node2, 4).frames;
        assertFrame(frames.get(0), 1, 3, 2, 3, 4);
        assertFrame(frames.get(1), 1, 3, 7, 8, 9);
        assertFrame(frames.get(2), 1, 3, 4, 5);
        assertFrame(frames.get(3), 1, 3, 6, 6);
    }

    @Test
    void deliversAFrameOfExactlyTheLimit() {
        ByteBuffer payload = ByteBuffer.allocate(MAX_FRAME);
        payload.put(0, (byte) 1).put(MAX_FRAME - 1, (byte) 2);
        conductor.send(1, 4, payload);

        Frame frame = receive(node1, 1).frames.get(0);
        assertEquals(MAX_FRAME, frame.payload().length);
        assertEquals(1, frame.payload()[0]);
        assertEquals(2, frame.payload()[MAX_FRAME - 1]);
    }

    @Test
    void handsOutAReadOnlyBigEndianViewOfTheFrame() {
        node1.send(2, 1, ByteBuffer.allocate(8).putLong(0, 0x0102030405060708L));
        node1.send(2, 1, ByteBuffer.allocate(8).putLong(0, 0x1112131415161718L));
        long[] values = new long[2];
        int[] count = {0};
        int polled = node2.poll((from, type, payload) -> {
            assertTrue(payload.isReadOnly());
            assertEquals(8, payload.remaining());
            values[count[0]++] = payload.getLong(payload.position());
            payload.order(ByteOrder.LITTLE_ENDIAN).position(payload.limit());
        }, 10);
        assertEquals(2, polled);
        assertArrayEquals(new long[] {0x0102030405060708L, 0x1112131415161718L}, values);
    }

    @Test
    void pollDeliversAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            node1.send(0, 1, bytes(i));
        }
        Received received = new Received();
        assertEquals(2, conductor.poll(received, 2));
        assertEquals(0, conductor.poll(received, 0));
        assertEquals(3, conductor.poll(received, 10));
        assertEquals(0, conductor.poll(received, 10));
        for (int i = 0; i < 5; i++) {
            assertFrame(received.frames.get(i), 1, 1, i);
        }
    }

    @Test
    void refusesAnOversizedFrame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> node1.send(2, 1, ByteBuffer.allocate(MAX_FRAME + 1)));
        assertEquals("frame of 1025 bytes to participant 'node-2' exceeds the limit of 1024 bytes", e.getMessage());
    }

    @Test
    void refusesFrameTypesOutOfRange() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> node1.send(2, 0, bytes(1)));
        assertEquals("Frame type 0 is out of range: accepted 1 to 127", low.getMessage());
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> node1.send(2, 128, bytes(1)));
        assertEquals("Frame type 128 is out of range: accepted 1 to 127", high.getMessage());
    }

    @Test
    void refusesParticipantsOutOfRange() {
        IllegalArgumentException send = assertThrows(IllegalArgumentException.class,
                () -> node1.send(3, 1, bytes(1)));
        assertEquals("Participant index 3 is out of range: the run has 3 participants, indices 0 to 2",
                send.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> node1.send(-1, 1, bytes(1)));
        assertEquals("Participant index -1 is out of range: the run has 3 participants, indices 0 to 2",
                negative.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> transport.endpoint(7));
        assertEquals("Participant index 7 is out of range: the run has 3 participants, indices 0 to 2",
                open.getMessage());
    }

    @Test
    void opensEachEndpointOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> transport.endpoint(1));
        assertEquals("The endpoint of participant 'node-1' (index 1) is already open", e.getMessage());
    }

    @Test
    void discardsFramesToAClosedEndpoint() {
        node1.send(2, 1, bytes(1));
        node2.close();
        node1.send(2, 1, bytes(2));

        assertEquals(0, node2.poll(new Received(), 10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> node2.send(1, 1, bytes(3)));
        assertEquals("The endpoint of participant 'node-2' is closed: cannot send", e.getMessage());
        node2.close();
    }

    @Test
    void acceptsFramesBeforeTheReceiverOpens() {
        try (InProcTransport fresh = TestTransports.open(2, MAX_FRAME)) {
            fresh.endpoint(1).send(2, 9, bytes(4));
            assertFrame(receive(fresh.endpoint(2), 1).frames.get(0), 1, 9, 4);
        }
    }

    @Test
    void closingTheTransportClosesEveryEndpoint() {
        node1.send(2, 1, bytes(1));
        transport.close();

        assertEquals(0, node2.poll(new Received(), 10));
        assertThrows(IllegalStateException.class, () -> node1.send(2, 1, bytes(2)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> transport.endpoint(0));
        assertEquals("Transport 'inproc' is closed: cannot open the endpoint of participant 'conductor'",
                e.getMessage());
    }

    @Test
    void aReceiverMayCloseItsEndpointWhilePolling() {
        node1.send(2, 1, bytes(1));
        node1.send(2, 1, bytes(2));
        Received received = new Received();
        int polled = node2.poll((from, type, payload) -> {
            received.onFrame(from, type, payload);
            node2.close();
        }, 10);

        assertEquals(1, polled, "no frame is delivered once the endpoint is closed");
        assertEquals(0, node2.poll(received, 10));
        node1.send(2, 1, bytes(3));
        assertEquals(1, received.frames.size());
    }

    private static void assertFrame(Frame frame, int from, int type, int... payload) {
        assertEquals(from, frame.from(), "from");
        assertEquals(type, frame.type(), "type");
        assertArrayEquals(bytes(payload).array(), frame.payload(), "payload");
    }
}
