package dev.multinode.transport.chronicle;

import static dev.multinode.transport.chronicle.Runs.CONDUCTOR;
import static dev.multinode.transport.chronicle.Runs.NODE_A;
import static dev.multinode.transport.chronicle.Runs.NODE_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path runDirectory;

    /** One frame as the receiver saw it. */
    record Frame(int from, int type, byte[] bytes) {
    }

    private static List<Frame> receiveAll(Endpoint endpoint, int count) {
        List<Frame> frames = new ArrayList<>();
        int received = Runs.pollUntil(endpoint, (from, type, payload) -> {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            frames.add(new Frame(from, type, bytes));
        }, count, WAIT);
        assertEquals(count, received, "frames received");
        return frames;
    }

    @Test
    void deliversSenderTypeAndBytesInEachSendersOrder() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 1024))) {
            Endpoint conductor = transport.endpoint(CONDUCTOR);
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint b = transport.endpoint(NODE_B);
            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            for (int i = 0; i < 100; i++) {
                // A direct buffer whose payload starts after position 0, and a read-only heap view.
                direct.clear().put((byte) 0).put((byte) 7).put((byte) i).put((byte) (i * 3)).flip().position(1);
                a.send(CONDUCTOR, 1 + i % 127, direct);
                assertEquals(1, direct.position(), "payload position after send");
                b.send(CONDUCTOR, 127, ByteBuffer.wrap(new byte[] {(byte) i}).asReadOnlyBuffer());
            }
            a.send(CONDUCTOR, 5, ByteBuffer.allocate(0));
            // A heap slice whose array offset is not 0.
            a.send(CONDUCTOR, 6, ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3, 9}, 2, 3).slice());

            List<Frame> frames = receiveAll(conductor, 202);
            List<Frame> fromA = frames.stream().filter(f -> f.from() == NODE_A).toList();
            List<Frame> fromB = frames.stream().filter(f -> f.from() == NODE_B).toList();
            assertEquals(102, fromA.size());
            assertEquals(100, fromB.size());
            for (int i = 0; i < 100; i++) {
                assertEquals(1 + i % 127, fromA.get(i).type());
                assertArrayEquals(new byte[] {7, (byte) i, (byte) (i * 3)}, fromA.get(i).bytes(), "frame " + i + " of a");
                assertEquals(127, fromB.get(i).type());
                assertArrayEquals(new byte[] {(byte) i}, fromB.get(i).bytes(), "frame " + i + " of b");
            }
            assertEquals(5, fromA.get(100).type());
            assertEquals(0, fromA.get(100).bytes().length, "empty payload");
            assertArrayEquals(new byte[] {1, 2, 3}, fromA.get(101).bytes(), "heap slice");
            assertEquals(0, a.poll((from, type, payload) -> { }, 10), "nothing was sent to a");
        }
    }

    @Test
    void twoTransportsOfOneContextExchangeFramesLikeTwoProcesses() throws IOException {
        var context = Runs.context(runDirectory, 1024);
        try (Transport first = new ChronicleTransportProvider().open(context);
             Transport second = new ChronicleTransportProvider().open(context)) {
            Endpoint a = first.endpoint(NODE_A);
            // Sent before b's endpoint exists: b tails its inbox from the start and still gets it.
            a.send(NODE_B, 3, ByteBuffer.wrap(new byte[] {42}));
            Endpoint b = second.endpoint(NODE_B);
            b.send(NODE_A, 4, ByteBuffer.wrap(new byte[] {43, 44}));

            Frame toB = receiveAll(b, 1).get(0);
            Frame toA = receiveAll(a, 1).get(0);
            assertEquals(NODE_A, toB.from());
            assertEquals(3, toB.type());
            assertArrayEquals(new byte[] {42}, toB.bytes());
            assertEquals(NODE_B, toA.from());
            assertEquals(4, toA.type());
            assertArrayEquals(new byte[] {43, 44}, toA.bytes());
        }
        assertTrue(Files.isDirectory(runDirectory.resolve("queues").resolve("2-node-b")),
                "inbox folder queues/<index>-<name>");
    }

    @Test
    void concurrentSendersKeepEachThreadsOrder() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 1024))) {
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint conductor = transport.endpoint(CONDUCTOR);
            List<Thread> senders = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(new Thread(() -> {
                    ByteBuffer payload = ByteBuffer.allocate(Integer.BYTES * 2);
                    try {
                        for (int i = 0; i < perThread; i++) {
                            a.send(CONDUCTOR, 1, payload.clear().putInt(thread).putInt(i).flip());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "sender-" + t));
            }
            senders.forEach(Thread::start);
            int[] next = new int[threads];
            int received = Runs.pollUntil(conductor, (from, type, payload) -> {
                int thread = payload.getInt();
                int sequence = payload.getInt();
                assertEquals(next[thread]++, sequence, "sequence of thread " + thread);
            }, threads * perThread, Duration.ofSeconds(30));
            for (Thread sender : senders) {
                sender.join(10_000);
                assertFalse(sender.isAlive(), sender.getName() + " finished");
            }
            assertEquals(List.of(), failures);
            assertEquals(threads * perThread, received);
        }
    }

    @Test
    void rejectsFramesOverTheLimitAndBadArguments() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 100))) {
            Endpoint a = transport.endpoint(NODE_A);
            a.send(NODE_B, 1, ByteBuffer.allocate(100));
            var tooBig = assertThrows(IllegalArgumentException.class, () -> a.send(NODE_B, 1, ByteBuffer.allocate(101)));
            assertEquals("frame of 101 bytes to participant 'node-b' exceeds the limit of 100 bytes", tooBig.getMessage());
            var lowType = assertThrows(IllegalArgumentException.class, () -> a.send(NODE_B, 0, ByteBuffer.allocate(1)));
            assertEquals("frame type 0 is outside 1..127", lowType.getMessage());
            var highType = assertThrows(IllegalArgumentException.class, () -> a.send(NODE_B, 128, ByteBuffer.allocate(1)));
            assertEquals("frame type 128 is outside 1..127", highType.getMessage());
            var noOne = assertThrows(IllegalArgumentException.class, () -> a.send(3, 1, ByteBuffer.allocate(1)));
            assertEquals("no participant with index 3; indexes run from 0 to 2", noOne.getMessage());
            assertThrows(IllegalArgumentException.class, () -> transport.endpoint(-1));
            var twice = assertThrows(IllegalStateException.class, () -> transport.endpoint(NODE_A));
            assertEquals("the endpoint of participant 'node-a' is already open", twice.getMessage());
            var limit = assertThrows(IllegalArgumentException.class, () -> a.poll((from, type, payload) -> { }, -1));
            assertEquals("poll limit must be 0 or more, was -1", limit.getMessage());
        }
    }

    @Test
    void largeFrameLimitGetsLargerBlocks() throws IOException {
        int limit = 17 << 20; // over a quarter of Chronicle's default 64 MiB block
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, limit))) {
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint b = transport.endpoint(NODE_B);
            ByteBuffer payload = ByteBuffer.allocateDirect(limit);
            payload.putInt(0, 0x01020304).putInt(limit - Integer.BYTES, 0x05060708);
            a.send(NODE_B, 9, payload);
            int[] seen = new int[3];
            int received = Runs.pollUntil(b, (from, type, frame) -> {
                seen[0] = frame.remaining();
                seen[1] = frame.getInt(0);
                seen[2] = frame.getInt(limit - Integer.BYTES);
            }, 1, WAIT);
            assertEquals(1, received);
            assertArrayEquals(new int[] {limit, 0x01020304, 0x05060708}, seen);
        }
    }

    @Test
    void closedEndpointRefusesToSendAndPollsNothing() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint b = transport.endpoint(NODE_B);
            a.send(NODE_B, 1, ByteBuffer.allocate(1));
            b.close();
            var closed = assertThrows(IllegalStateException.class, () -> b.send(NODE_A, 1, ByteBuffer.allocate(1)));
            assertEquals("the endpoint of participant 'node-b' is closed", closed.getMessage());
            assertEquals(0, b.poll((from, type, payload) -> { }, 10), "a closed endpoint delivers nothing");
            b.close();
            a.send(NODE_B, 1, ByteBuffer.allocate(1)); // discarded: nobody tails b's inbox any more
        }
    }

    @Test
    void closedTransportClosesItsEndpointsAndOpensNoMore() throws IOException {
        Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64));
        Endpoint a;
        try {
            a = transport.endpoint(NODE_A);
        } finally {
            transport.close();
        }
        transport.close();
        var send = assertThrows(IllegalStateException.class, () -> a.send(NODE_B, 1, ByteBuffer.allocate(1)));
        assertEquals("the endpoint of participant 'node-a' is closed", send.getMessage());
        var open = assertThrows(IllegalStateException.class, () -> transport.endpoint(CONDUCTOR));
        assertEquals("the chronicle transport is closed", open.getMessage());
    }

    @Test
    void closeUnmapsAndClosesEveryQueueFile() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isReadable(maps) && Files.isDirectory(descriptors), "needs Linux /proc");
        String queues = runDirectory.toRealPath().resolve("queues").toString();
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(NODE_A);
            a.send(NODE_A, 1, ByteBuffer.allocate(8));
            a.send(NODE_B, 1, ByteBuffer.allocate(8));
            assertEquals(1, receiveAll(a, 1).size());
            assertTrue(Files.readString(maps).contains(queues), "queue files mapped while open");
        }
        assertFalse(Files.readString(maps).contains(queues), "queue files still mapped after close");
        try (Stream<Path> open = Files.list(descriptors)) {
            List<String> targets = open.map(ChronicleTransportTest::target).filter(t -> t.startsWith(queues)).toList();
            assertEquals(List.of(), targets, "queue files still open after close");
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return ""; // closed while listing, such as the listing's own descriptor
        }
    }

    @Test
    void aReceiverThatThrowsLosesOnlyItsFrame() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint b = transport.endpoint(NODE_B);
            a.send(NODE_B, 1, ByteBuffer.wrap(new byte[] {1}));
            a.send(NODE_B, 1, ByteBuffer.wrap(new byte[] {2}));
            assertThrows(IllegalStateException.class, () -> b.poll((from, type, payload) -> {
                throw new IllegalStateException("receiver failed");
            }, 10));
            assertArrayEquals(new byte[] {2}, receiveAll(b, 1).get(0).bytes());
        }
    }

    @Test
    void aPendingInterruptSurvivesSendAndPoll() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(NODE_A);
            Endpoint b = transport.endpoint(NODE_B);
            Thread.currentThread().interrupt();
            try {
                a.send(NODE_B, 1, ByteBuffer.wrap(new byte[] {1}));
                assertEquals(1, b.poll((from, type, payload) -> { }, 10));
                assertTrue(Thread.currentThread().isInterrupted(), "interrupt kept");
            } finally {
                Thread.interrupted();
            }
            a.send(NODE_B, 1, ByteBuffer.wrap(new byte[] {2}));
            assertArrayEquals(new byte[] {2}, receiveAll(b, 1).get(0).bytes(), "queue still usable");
        }
    }
}
