package dev.multinode.transport.chronicle;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A writer caught in the middle of an append: it opens an inbox queue, starts a document (which
 * takes the queue's write lock), says {@value #HOLDING}, and either waits to be killed (at most a
 * minute) or, like a writer that was only slow, finishes the document after a given time and exits.
 *
 * <p>Arguments: the inbox folder, the frame size limit, how many milliseconds to hold the lock
 * ({@code forever} to wait for the kill).
 */
public final class LockHolderChild {

    /** The line printed once the lock is held. */
    static final String HOLDING = "holding the write lock";
    /** The sender index of the holder's frame. */
    static final int HOLDER = 1;
    /** The type of the holder's frame, which arrives if it finishes its append. */
    static final int HOLDER_TYPE = 9;

    private LockHolderChild() {
    }

    /**
     * @param args the inbox folder, the frame size limit, the holding time
     */
    public static void main(String[] args) {
        SingleChronicleQueue queue = Inbox.queueBuilder(Path.of(args[0]), Integer.parseInt(args[1])).build();
        ExcerptAppender appender = queue.createAppender();
        DocumentContext document = appender.writingDocument();
        FrameRecord.write(document.wire().bytes(), HOLDER, HOLDER_TYPE, ByteBuffer.allocate(0), new byte[0]);
        System.out.println(HOLDING);
        System.out.flush();
        if (args[2].equals("forever")) {
            LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
            System.exit(1);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2])));
        document.close();
        appender.close();
        queue.close();
        System.exit(0);
    }
}
