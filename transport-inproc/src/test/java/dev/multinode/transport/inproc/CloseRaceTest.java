package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

/** Closing while other threads send and poll frees the memory only once they are out of it. */
class CloseRaceTest {

    private static final int ROUNDS = 20;

    @Test
    void closingUnderTrafficNeverTouchesFreedMemory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        boolean terminated;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                closeUnderTraffic(pool);
            }
        } finally {
            pool.shutdownNow();
            terminated = pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertTrue(terminated, "sending or polling threads still running after close");
    }

    private static void closeUnderTraffic(ExecutorService pool) throws Exception {
        InProcTransport transport = TestTransports.open(2, 64 * 1024);
        Endpoint receiver = transport.endpoint(0);
        // opened here, not in the tasks: a task that starts after the close would find the transport closed
        Endpoint firstSender = transport.endpoint(1);
        Endpoint secondSender = transport.endpoint(2);
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Future<Integer> first = pool.submit(() -> sendUntilClosed(firstSender));
        Future<Integer> second = pool.submit(() -> sendUntilClosed(secondSender));
        Future<?> poller = pool.submit(() -> {
            BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                idle.idle(receiver.poll((from, type, payload) -> received.incrementAndGet(), 64));
            }
        });
        TestTransports.awaitCondition("frames flow", () -> received.get() > 1_000);

        transport.close();
        long sent = first.get(10, TimeUnit.SECONDS) + second.get(10, TimeUnit.SECONDS);
        stop.set(true);
        poller.get(10, TimeUnit.SECONDS);
        assertTrue(received.get() <= sent, received + " frames received, " + sent + " sent");
        assertEquals(0, receiver.poll((from, type, payload) -> { }, 10));
    }

    /** @return how many frames were sent before the endpoint closed */
    private static int sendUntilClosed(Endpoint endpoint) {
        ByteBuffer payload = ByteBuffer.allocate(4096);
        int sent = 0;
        try {
            while (true) {
                endpoint.send(0, 1, payload);
                sent++;
            }
        } catch (IllegalStateException e) {
            // only its own endpoint closing may stop a sender, not a full inbox
            if (!e.getMessage().startsWith("The endpoint of participant 'node-" + endpoint.participant() + "'")) {
                throw e;
            }
            return sent;
        }
    }
}
