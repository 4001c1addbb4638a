package dev.multinode.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The echoing process of {@link ChronicleQueuePingPong}: tails one queue, busy-polling, and appends
 * every frame unchanged to the other. It announces itself with a {@link #READY} frame and stops when
 * its parent closes its standard input or when its deadline passes.
 *
 * <p>Arguments: the queue it reads, the queue it writes, its deadline in milliseconds from now.
 */
public final class ChronicleQueueEcho {

    /** The sequence number of the frame that says the echo is ready; pings count from 0. */
    static final long READY = -1;
    private static final int IDLE_CHECK_MASK = (1 << 16) - 1;

    private ChronicleQueueEcho() {
    }

    /**
     * @param args the inbox folder, the outbox folder, the lifetime in milliseconds
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ChronicleQueueEcho <inbox folder> <outbox folder> <lifetime ms>; got "
                    + args.length + " arguments");
            System.exit(2);
        }
        ParentWatch parent = ParentWatch.start(System.in);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        try (SingleChronicleQueue inbox = QueueFrames.open(Path.of(args[0]));
             SingleChronicleQueue outbox = QueueFrames.open(Path.of(args[1]));
             ExcerptTailer tailer = inbox.createTailer().toStart();
             ExcerptAppender appender = outbox.createAppender()) {
            echo(tailer, appender, parent, deadline);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void echo(ExcerptTailer tailer, ExcerptAppender appender, ParentWatch parent, long deadline) {
        byte[] frame = new byte[PingPongPlan.MAX_MESSAGE_SIZE];
        ByteBuffer.wrap(frame).putLong(0, READY);
        QueueFrames.write(appender, frame, Long.BYTES);
        long idle = 0;
        while (true) {
            int length = QueueFrames.read(tailer, frame);
            if (length >= 0) {
                QueueFrames.write(appender, frame, length);
            } else if ((++idle & IDLE_CHECK_MASK) == 0) {
                if (parent.parentGone()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The echo outlived its deadline; its parent never said stop");
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
