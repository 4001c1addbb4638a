package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a send checks, and how it behaves when the receiver is absent, dead or not reading. */
class SendTest {

    private static final int MAX_FRAME = 300_000;

    @Test
    void oversizedFrameFailsAtTheSenderAndTheLargestFrameArrivesIntact() throws Exception {
        try (TcpTransport transport = TestSupport.open(1, MAX_FRAME, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                    () -> node.send(0, 1, ByteBuffer.allocate(MAX_FRAME + 1)));
            assertEquals("frame of 300001 bytes to participant 'conductor' exceeds the limit of 300000 bytes",
                    tooLarge.getMessage());

            byte[] largest = new byte[MAX_FRAME];
            new Random(7).nextBytes(largest);
            ByteBuffer payload = ByteBuffer.allocateDirect(MAX_FRAME + 10).position(10);
            payload.put(largest).position(10);
            node.send(0, 127, payload.asReadOnlyBuffer());
            node.send(0, 2, TestSupport.ints(42));
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(conductor), List.of(received), List.of(2));
            assertEquals(127, received.frames.get(0).type());
            assertArrayEquals(largest, received.frames.get(0).payload());
            assertEquals(42, received.frames.get(1).buffer().getInt());
        }
    }

    @Test
    void typeAndParticipantOutOfRangeAreRejectedNamingTheValue() throws Exception {
        try (TcpTransport transport = TestSupport.open(1, 1024, Map.of())) {
            Endpoint node = transport.endpoint(1);
            ByteBuffer payload = TestSupport.ints(1);
            for (int type : new int[] {0, -1, 128}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> node.send(0, type, payload));
                assertTrue(e.getMessage().contains("Frame type " + type) && e.getMessage().contains("1..127"), e.getMessage());
            }
            for (int to : new int[] {-1, 2}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> node.send(to, 1, payload));
                assertTrue(e.getMessage().contains("index " + to) && e.getMessage().contains("0..1"), e.getMessage());
            }
        }
    }

    @Test
    void closedEndpointRefusesToSendAndPollsNothing() throws Exception {
        try (TcpTransport transport = TestSupport.open(1, 1024, Map.of())) {
            transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            node.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> node.send(0, 1, TestSupport.ints(1)));
            assertEquals("The endpoint of participant 'node-1' is closed", e.getMessage());
            assertEquals(0, node.poll(new TestSupport.Received(), 10));
        }
    }

    @Test
    void participantThatNeverJoinsFailsTheSendAfterTheDirectoryTimeout() throws Exception {
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of(TcpSettings.DIRECTORY_TIMEOUT, "300"))) {
            transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> node.send(2, 1, TestSupport.ints(1)));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("'node-2'") && e.getMessage().contains("within 300 ms"), e.getMessage());
            assertTrue(waitedMillis >= 290 && waitedMillis < 5_000, "waited " + waitedMillis + " ms");
        }
    }

    @Test
    void sendWaitsForAParticipantThatJoinsLater() throws Exception {
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of())) {
            transport.endpoint(0);
            Endpoint node1 = transport.endpoint(1);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> node1.send(2, 5, TestSupport.ints(77)));
            Endpoint node2 = transport.endpoint(2);
            sent.get(10, TimeUnit.SECONDS);
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(node2), List.of(received), List.of(1));
            assertEquals(1, received.frames.get(0).from());
            assertEquals(5, received.frames.get(0).type());
            assertEquals(77, received.frames.get(0).buffer().getInt());
        }
    }

    @Test
    void sendsToADeadParticipantAreDiscardedWithoutHanging() throws Exception {
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node1 = transport.endpoint(1);
            Endpoint node2 = transport.endpoint(2);
            node1.send(2, 1, TestSupport.ints(1));
            TestSupport.pollUntil(List.of(node2), List.of(new TestSupport.Received()), List.of(1));
            node2.close();

            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                node1.send(2, 1, TestSupport.ints(i));
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < 5_000, "200 sends to a dead participant took " + tookMillis + " ms");

            node1.send(0, 3, TestSupport.ints(9));
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(conductor), List.of(received), List.of(1));
            assertEquals(9, received.frames.get(0).buffer().getInt(), "the sender still reaches the others");
        }
    }

    @Test
    void receiverThatDoesNotReadMakesTheSendFailAfterTheSendTimeout() throws Exception {
        int frame = 1 << 20;
        try (TcpTransport transport = TestSupport.open(2, frame, Map.of(TcpSettings.SEND_TIMEOUT, "300"))) {
            transport.endpoint(0);
            Endpoint node1 = transport.endpoint(1);
            transport.endpoint(2);
            ByteBuffer payload = ByteBuffer.allocateDirect(frame);
            IllegalStateException timeout = null;
            for (int i = 0; i < 200 && timeout == null; i++) {
                try {
                    node1.send(2, 1, payload);
                } catch (IllegalStateException e) {
                    timeout = e;
                }
            }
            assertTrue(timeout != null, "a receiver that never polls fills its socket within 200 MiB");
            assertTrue(timeout.getMessage().contains("'node-2' has read nothing for 300 ms"), timeout.getMessage());
        }
    }
}
