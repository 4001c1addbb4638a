package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several threads send on the same endpoints at once while the receiver polls. */
public interface ConcurrentSendConformance extends ConformanceSuite {

    /**
     * Two nodes send from two threads each. Each frame carries its thread, its sequence number and
     * that many filler bytes modulo 64, with the thread in the type; the conductor checks every
     * frame as it polls it.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened or a sender fails
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void framesOfEachSenderThreadArriveIntactAndInOrder(Mode mode, @TempDir Path folder) throws Exception {
        int nodes = 2;
        int threadsPerNode = 2;
        int framesPerThread = 2_000;
        int threads = nodes * threadsPerNode;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Endpoints endpoints = Endpoints.open(mode, nodes, 1024, folder)) {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int sender = thread;
                Endpoint endpoint = endpoints.get(1 + sender / threadsPerNode);
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int seq = 0; seq < framesPerThread; seq++) {
                        endpoint.send(0, 1 + sender, numbered(sender, seq));
                    }
                }, pool));
            }
            int[] next = new int[threads];
            FrameReceiver checker = (from, type, payload) -> {
                int sender = type - 1;
                assertEquals(1 + sender / threadsPerNode, from, "from of sender " + sender);
                assertEquals(numbered(sender, next[sender]++), payload, "frame of sender " + sender);
            };
            Endpoints.pollUntil(endpoints.get(0), checker, threads * framesPerThread);
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(0, endpoints.get(0).poll(checker, 10), "no frame beyond those sent");
            assertArrayEquals(new int[] {framesPerThread, framesPerThread, framesPerThread, framesPerThread}, next);
        } finally {
            pool.shutdownNow();
            assertEquals(true, pool.awaitTermination(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS), "senders ended");
        }
    }

    /**
     * Four threads send the same read-only direct buffer, positioned inside it, from two nodes:
     * every frame is its 400 bytes, and the buffer's position and limit stay where they were.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened or a sender fails
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void oneReadOnlyPayloadSharedByConcurrentSendersIsNeitherMovedNorTorn(Mode mode, @TempDir Path folder)
            throws Exception {
        int threads = 4;
        int framesPerThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ByteBuffer shared = ByteBuffer.allocateDirect(600);
        for (int i = 0; i < shared.capacity(); i++) {
            shared.put((byte) (i * 13));
        }
        shared.position(100).limit(500);
        ByteBuffer readOnly = shared.asReadOnlyBuffer();
        ByteBuffer expected = ByteBuffer.allocate(400).put(readOnly.duplicate()).flip();
        try (Endpoints endpoints = Endpoints.open(mode, 2, 1024, folder)) {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Endpoint sender = endpoints.get(1 + t % 2);
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < framesPerThread; i++) {
                        sender.send(0, 9, readOnly);
                    }
                }, pool));
            }
            int[] frames = {0};
            Endpoints.pollUntil(endpoints.get(0), (from, type, payload) -> {
                assertEquals(9, type);
                assertEquals(expected, payload, "frame " + frames[0]++);
            }, threads * framesPerThread);
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(100, readOnly.position());
            assertEquals(500, readOnly.limit());
        } finally {
            pool.shutdownNow();
            assertEquals(true, pool.awaitTermination(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS), "senders ended");
        }
    }

    /** Frame {@code seq} of a sender thread: the thread, the number, then filler bytes. */
    private static ByteBuffer numbered(int thread, int seq) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + seq % 64).putInt(thread).putInt(seq);
        while (buffer.hasRemaining()) {
            buffer.put((byte) (thread ^ seq ^ buffer.position()));
        }
        return buffer.flip();
    }
}
