package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.transport.inproc.TestTransports.Received;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.junit.jupiter.api.Test;

class BackPressureTest {

    private static final int FRAME = 1024;
    /** Frames of {@link #FRAME} bytes that fit the smallest ring, each with Agrona's header. */
    private static final int FITTING = Inbox.MIN_RING_CAPACITY / (FRAME + RecordDescriptor.HEADER_LENGTH);

    @Test
    void aFullInboxNobodyPollsFailsTheSendAfterTheTimeout() {
        try (InProcTransport transport = TestTransports.open(2, FRAME,
                Map.of(InProcTransport.SEND_TIMEOUT_PROPERTY, "200"))) {
            Endpoint sender = transport.endpoint(1);
            ByteBuffer payload = ByteBuffer.allocate(FRAME);
            for (int i = 0; i < FITTING; i++) {
                sender.send(2, 1, payload);
            }

            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sender.send(2, 1, payload));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals("The inbox of participant 'node-2' (65536 bytes) stayed full for 200 ms: it is not polling"
                    + " fast enough (multinode.inproc.sendTimeoutMillis)", e.getMessage());
            assertTrue(waitedMillis >= 200, "waited " + waitedMillis + " ms");
        }
    }

    @Test
    void aSendWaitsForAPollerToMakeRoom() throws Exception {
        try (InProcTransport transport = TestTransports.open(2, FRAME)) {
            Endpoint sender = transport.endpoint(1);
            Endpoint receiver = transport.endpoint(2);
            Thread[] sendingThread = new Thread[1];
            CompletableFuture<Void> sent = fillThenSendOneMore(sender, sendingThread);
            awaitParked(sendingThread[0]);

            Received received = TestTransports.receive(receiver, FITTING + 1);
            sent.get(10, TimeUnit.SECONDS);
            for (int i = 0; i <= FITTING; i++) {
                assertEquals(i, ByteBuffer.wrap(received.frames.get(i).payload()).getInt(), "frame " + i);
            }
        }
    }

    @Test
    void aSendWaitingForAReceiverThatClosesDiscardsTheFrame() throws Exception {
        try (InProcTransport transport = TestTransports.open(2, FRAME)) {
            Endpoint receiver = transport.endpoint(2);
            Thread[] sendingThread = new Thread[1];
            CompletableFuture<Void> sent = fillThenSendOneMore(transport.endpoint(1), sendingThread);
            awaitParked(sendingThread[0]);

            receiver.close();
            sent.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSendWaitingWhenItsThreadIsInterruptedFails() throws Exception {
        try (InProcTransport transport = TestTransports.open(2, FRAME)) {
            Thread[] sendingThread = new Thread[1];
            CompletableFuture<Void> sent = fillThenSendOneMore(transport.endpoint(1), sendingThread);
            awaitParked(sendingThread[0]);

            sendingThread[0].interrupt();
            ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS));
            assertEquals("Interrupted while waiting for room in the inbox of participant 'node-2'",
                    e.getCause().getMessage());
        }
    }

    /** Fills node-2's inbox from a new thread, then sends one frame more, numbering each frame. */
    private static CompletableFuture<Void> fillThenSendOneMore(Endpoint sender, Thread[] thread) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        thread[0] = new Thread(() -> {
            try {
                ByteBuffer payload = ByteBuffer.allocate(FRAME);
                for (int i = 0; i <= FITTING; i++) {
                    sender.send(2, 1, payload.putInt(0, i));
                }
                sent.complete(null);
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        }, "sender");
        thread[0].setDaemon(true);
        thread[0].start();
        return sent;
    }

    /** Only the back-off of a send to a full inbox parks the sending thread. */
    private static void awaitParked(Thread thread) {
        TestTransports.awaitCondition(thread.getName() + " parks in send",
                () -> thread.getState() == Thread.State.TIMED_WAITING);
    }
}
