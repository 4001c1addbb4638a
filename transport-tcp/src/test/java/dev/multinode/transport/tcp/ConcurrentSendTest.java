package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several threads send on one endpoint at once while the receiver polls. */
class ConcurrentSendTest {

    private static final int THREADS = 4;
    private static final int FRAMES = 2_000;

    @Test
    void framesOfEachSenderThreadArriveIntactAndInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (TcpTransport transport = TestSupport.open(1, 1024, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int seq = 0; seq < FRAMES; seq++) {
                        node.send(0, 1 + thread, payload(thread, seq));
                    }
                }, pool));
            }
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(conductor), List.of(received), List.of(THREADS * FRAMES));
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            int[] next = new int[THREADS];
            for (TestSupport.Frame frame : received.frames) {
                ByteBuffer bytes = frame.buffer();
                int thread = bytes.getInt();
                int seq = bytes.getInt();
                assertEquals(1 + thread, frame.type());
                assertEquals(next[thread]++, seq, "order of thread " + thread);
                assertArrayEquals(payload(thread, seq).array(), frame.payload());
            }
            assertArrayEquals(new int[] {FRAMES, FRAMES, FRAMES, FRAMES}, next);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneReadOnlyPayloadSharedByConcurrentSendersIsNeitherMovedNorTorn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ByteBuffer shared = ByteBuffer.allocateDirect(600);
        for (int i = 0; i < shared.capacity(); i++) {
            shared.put((byte) (i * 13));
        }
        shared.position(100).limit(500);
        ByteBuffer readOnly = shared.asReadOnlyBuffer();
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node1 = transport.endpoint(1);
            Endpoint node2 = transport.endpoint(2);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Endpoint sender = t % 2 == 0 ? node1 : node2;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 500; i++) {
                        sender.send(0, 9, readOnly);
                    }
                }, pool));
            }
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(conductor), List.of(received), List.of(THREADS * 500));
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(100, readOnly.position());
            assertEquals(500, readOnly.limit());
            byte[] expected = new byte[400];
            readOnly.duplicate().get(expected);
            for (TestSupport.Frame frame : received.frames) {
                assertArrayEquals(expected, frame.payload());
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static ByteBuffer payload(int thread, int seq) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + seq % 100).putInt(thread).putInt(seq);
        while (buffer.hasRemaining()) {
            buffer.put((byte) (thread ^ seq ^ buffer.position()));
        }
        return buffer.flip();
    }
}
