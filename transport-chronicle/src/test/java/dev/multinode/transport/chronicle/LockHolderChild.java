package dev.multinode.transport.chronicle;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A writer caught in the middle of an append: it opens an inbox queue, starts a document (which
 * takes the queue's write lock), says {@value #HOLDING} and waits to be killed, at most a minute.
 *
 * <p>Arguments: the inbox folder, the frame size limit.
 */
public final class LockHolderChild {

    /** The line printed once the lock is held. */
    static final String HOLDING = "holding the write lock";

    private LockHolderChild() {
    }

    /**
     * @param args the inbox folder and the frame size limit
     */
    public static void main(String[] args) {
        SingleChronicleQueue queue = Inbox.queueBuilder(Path.of(args[0]), Integer.parseInt(args[1])).build();
        ExcerptAppender appender = queue.createAppender();
        DocumentContext document = appender.writingDocument();
        document.wire().bytes().writeInt(1);
        System.out.println(HOLDING);
        System.out.flush();
        LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
        System.exit(1);
    }
}
