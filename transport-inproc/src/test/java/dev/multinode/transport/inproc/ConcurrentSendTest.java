package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

class ConcurrentSendTest {

    private static final int NODES = 3;
    private static final int THREADS_PER_NODE = 2;
    private static final int FRAMES_PER_THREAD = 5_000;
    private static final int SENDERS = NODES * THREADS_PER_NODE;

    @Test
    void everyFrameArrivesInOrderPerSendingThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try (InProcTransport transport = TestTransports.open(NODES, 256)) {
            Endpoint conductor = transport.endpoint(0);
            List<Endpoint> nodes = new ArrayList<>();
            for (int node = 1; node <= NODES; node++) {
                nodes.add(transport.endpoint(node));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> senders = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int id = sender;
                Endpoint endpoint = nodes.get(sender / THREADS_PER_NODE);
                senders.add(pool.submit(() -> {
                    start.await();
                    sendAll(endpoint, id);
                    return null;
                }));
            }
            start.countDown();

            Checker checker = new Checker();
            BackoffIdleStrategy idle = new BackoffIdleStrategy();
            long begin = System.nanoTime();
            while (checker.total < SENDERS * FRAMES_PER_THREAD) {
                if (System.nanoTime() - begin > TestTransports.WAIT_NANOS) {
                    throw new AssertionError("only " + checker.total + " frames arrived");
                }
                idle.idle(conductor.poll(checker, 256));
            }
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.SECONDS);
            }
            assertEquals(0, conductor.poll(checker, 10), "no frame beyond those sent");
        } finally {
            pool.shutdownNow();
            assertEquals(true, pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** Each frame carries the sending thread, its sequence number and that many filler bytes. */
    private static void sendAll(Endpoint endpoint, int sender) {
        ByteBuffer payload = ByteBuffer.allocate(8 + 63);
        for (int seq = 0; seq < FRAMES_PER_THREAD; seq++) {
            payload.clear().putInt(sender).putInt(seq);
            for (int i = 0; i < seq % 64; i++) {
                payload.put((byte) (seq + i));
            }
            endpoint.send(0, sender + 1, payload.flip());
        }
    }

    private static final class Checker implements dev.multinode.spi.FrameReceiver {
        private final int[] next = new int[SENDERS];
        int total;

        @Override
        public void onFrame(int from, int type, ByteBuffer payload) {
            int sender = payload.getInt(payload.position());
            int seq = payload.getInt(payload.position() + 4);
            assertEquals(sender / THREADS_PER_NODE + 1, from, "from of sender " + sender);
            assertEquals(sender + 1, type, "type of sender " + sender);
            assertEquals(next[sender], seq, "sequence of sender " + sender);
            assertEquals(8 + seq % 64, payload.remaining(), "length of frame " + seq + " of sender " + sender);
            for (int i = 0; i < seq % 64; i++) {
                assertEquals((byte) (seq + i), payload.get(payload.position() + 8 + i), "filler byte " + i);
            }
            next[sender]++;
            total++;
        }
    }
}
