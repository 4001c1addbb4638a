package dev.multinode.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The in-process transport's baseline: two threads of this JVM, each reading its own Agrona
 * {@link ManyToOneRingBuffer} in direct memory and busy-spinning while it is empty, as the
 * {@code inproc} transport's inboxes do without the harness around them. The calling thread
 * initiates; a second thread echoes.
 */
final class AgronaRingBufferPingPong implements RawPingPong {

    /** The size of an {@code inproc} inbox at the default frame limit. */
    private static final int RING_CAPACITY = 512 * 1024;
    private static final int MESSAGE_TYPE = 1;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long STOP_MILLIS = 5_000;

    @Override
    public String description() {
        return "Agrona ManyToOneRingBuffer pair, two busy-spinning threads";
    }

    @Override
    public Histogram run(PingPongPlan plan) throws InterruptedException {
        ByteBuffer toInitiatorMemory = ByteBuffer.allocateDirect(RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH);
        ByteBuffer toEchoMemory = ByteBuffer.allocateDirect(RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH);
        ManyToOneRingBuffer toInitiator = new ManyToOneRingBuffer(new UnsafeBuffer(toInitiatorMemory));
        ManyToOneRingBuffer toEcho = new ManyToOneRingBuffer(new UnsafeBuffer(toEchoMemory));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Echo echo = new Echo(toEcho, toInitiator, deadline);
        Thread echoThread = new Thread(echo, "raw-ping-pong-echo");
        echoThread.setDaemon(true);
        echoThread.start();
        try {
            return initiate(plan, toInitiator, toEcho, deadline, echo);
        } finally {
            echo.stop();
            echoThread.join(STOP_MILLIS);
            if (echoThread.isAlive()) {
                // freeing memory the echo may still read would crash the JVM; the GC frees it later
                throw new IllegalStateException("The raw ping-pong's echo thread did not stop within " + STOP_MILLIS + " ms");
            }
            BufferUtil.free(toInitiatorMemory);
            BufferUtil.free(toEchoMemory);
        }
    }

    private static Histogram initiate(PingPongPlan plan, ManyToOneRingBuffer inbox, ManyToOneRingBuffer peer,
                                      long deadline, Echo echo) {
        RoundTrips roundTrips = new RoundTrips(plan);
        // wraps the ping's array, so every later nextPing() shows through it
        UnsafeBuffer ping = new UnsafeBuffer(roundTrips.nextPing());
        boolean[] more = {true};
        MessageHandler onEcho = (type, buffer, index, length) -> {
            long now = System.nanoTime();
            more[0] = roundTrips.onEcho(now, buffer.getLong(index, ByteOrder.BIG_ENDIAN), length);
            if (more[0]) {
                roundTrips.nextPing();
                write(peer, ping, plan.messageSize());
            }
        };
        write(peer, ping, plan.messageSize());
        while (more[0]) {
            if (inbox.read(onEcho) == 0) {
                echo.checkAlive();
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The raw ping-pong did not finish within " + TIMEOUT.toMillis() + " ms");
                }
                Thread.onSpinWait();
            }
        }
        return roundTrips.histogram();
    }

    /** With one frame in flight a ring can never be full; a failed write means the exchange broke. */
    private static void write(ManyToOneRingBuffer ring, DirectBuffer frame, int length) {
        if (!ring.write(MESSAGE_TYPE, frame, 0, length)) {
            throw new IllegalStateException("A ring of " + ring.capacity() + " bytes refused a frame of " + length
                    + " bytes during a ping-pong that keeps one frame in flight");
        }
    }

    /** The echoing thread: sends every frame back as it is, spinning while its ring is empty. */
    private static final class Echo implements Runnable {

        private final ManyToOneRingBuffer inbox;
        private final ManyToOneRingBuffer peer;
        private final long deadline;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean running = true;

        Echo(ManyToOneRingBuffer inbox, ManyToOneRingBuffer peer, long deadline) {
            this.inbox = inbox;
            this.peer = peer;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            MessageHandler echo = (type, buffer, index, length) -> {
                if (!peer.write(type, buffer, index, length)) {
                    throw new IllegalStateException("The initiator's ring refused an echo of " + length + " bytes");
                }
            };
            try {
                while (running) {
                    if (inbox.read(echo) == 0) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException("The echo thread outlived its deadline");
                        }
                        Thread.onSpinWait();
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }

        void stop() {
            running = false;
        }

        /** Ends the initiator's wait at once when the echo failed: no echo will come. */
        void checkAlive() {
            Throwable t = failure.get();
            if (t != null) {
                throw new IllegalStateException("The raw ping-pong's echo thread failed: " + t, t);
            }
        }
    }
}
