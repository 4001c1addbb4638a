package dev.multinode.bench;

import dev.multinode.testkit.ChildJvm;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The {@code chronicle} transport's baseline: two Chronicle queues in a temporary folder and two
 * processes, as the harness ping-pong has two node processes. This JVM appends pings to one queue
 * and busy-polls a tailer on the other; a child JVM ({@link ChronicleQueueEcho}, started with the
 * transport's JVM flags) echoes. The folder and the child are gone when {@link #run} returns.
 */
final class ChronicleQueuePingPong implements RawPingPong {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int IDLE_CHECK_MASK = (1 << 16) - 1;

    @Override
    public String description() {
        return "Chronicle Queue pair, two processes, busy-polling tailers";
    }

    @Override
    public Histogram run(PingPongPlan plan) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (TempFolder folder = TempFolder.create("multinode-bench-chronicle-")) {
            Path toEcho = folder.path().resolve("to-echo");
            Path toInitiator = folder.path().resolve("to-initiator");
            // Resources close in reverse: the child first, so it unmaps before the parent deletes.
            try (SingleChronicleQueue outbox = QueueFrames.open(toEcho);
                 SingleChronicleQueue inbox = QueueFrames.open(toInitiator);
                 ExcerptAppender appender = outbox.createAppender();
                 ExcerptTailer tailer = inbox.createTailer().toStart();
                 ChildJvm echo = ChildJvm.builder(ChronicleQueueEcho.class).flags(TransportFlags.of("chronicle"))
                         .arguments(toEcho.toString(), toInitiator.toString(), Long.toString(TIMEOUT.toMillis()))
                         .stopGrace(ParentWatch.STOP_GRACE).start(folder.path().resolve("echo.log"))) {
                byte[] frame = new byte[PingPongPlan.MAX_MESSAGE_SIZE];
                awaitReady(tailer, frame, echo, deadline);
                return initiate(plan, appender, tailer, frame, echo, deadline);
            }
        }
    }

    /**
     * Waits for the child's first frame, which says it has opened both queues: a ping sent earlier
     * would still arrive, but its clock would include the child's start-up. The child takes about
     * half a second to start, so this wait backs off to parking rather than take a core from it.
     */
    private static void awaitReady(ExcerptTailer tailer, byte[] frame, ChildJvm echo, long deadline) {
        IdleStrategy idle = new BackoffIdleStrategy();
        int length;
        while ((length = QueueFrames.read(tailer, frame)) < 0) {
            echo.checkProgress(deadline, TIMEOUT, "announce itself");
            idle.idle();
        }
        long first = ByteBuffer.wrap(frame).getLong(0);
        if (length != Long.BYTES || first != ChronicleQueueEcho.READY) {
            throw new IllegalStateException("The echo's first frame should be READY (" + ChronicleQueueEcho.READY
                    + ", 8 bytes); it was " + first + " with " + length + " bytes");
        }
    }

    private static Histogram initiate(PingPongPlan plan, ExcerptAppender appender, ExcerptTailer tailer, byte[] frame,
                                      ChildJvm echo, long deadline) {
        RoundTrips roundTrips = new RoundTrips(plan);
        ByteBuffer echoed = ByteBuffer.wrap(frame);
        // the ping's array: every later nextPing() writes into it
        byte[] ping = roundTrips.nextPing().array();
        QueueFrames.write(appender, ping, plan.messageSize());
        long idle = 0;
        while (true) {
            int length = QueueFrames.read(tailer, frame);
            if (length >= 0) {
                if (!roundTrips.onEcho(System.nanoTime(), echoed.getLong(0), length)) {
                    return roundTrips.histogram();
                }
                roundTrips.nextPing();
                QueueFrames.write(appender, ping, plan.messageSize());
            } else if ((++idle & IDLE_CHECK_MASK) == 0) {
                echo.checkProgress(deadline, TIMEOUT, "echo");
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
