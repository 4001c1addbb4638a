package dev.multinode.transport.chronicle;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.UnrecoverableTimeoutException;

/**
 * This JVM's handle on one participant's inbox queue: every sender in this JVM appends through it,
 * and the participant's own endpoint tails it.
 *
 * <p>Chronicle appenders must not be used by two threads at once. Each inbox keeps one appender
 * behind a lock rather than one appender per sending thread: appends to one queue are serialised by
 * Chronicle's own write lock anyway (across processes too), so per-thread appenders would add no
 * parallelism, while they would tie resources to threads that close() cannot reach or close
 * deterministically. Senders to different inboxes do not contend. An uncontended lock costs tens of
 * nanoseconds and allocates nothing.
 */
final class Inbox implements AutoCloseable {

    /** Chronicle's default block size, enough for frames up to 16 MiB. */
    private static final long DEFAULT_BLOCK_SIZE = 64L << 20;
    /** How long a writer waits for a write lock that a dead process holds; see {@link #queueBuilder}. */
    static final long WRITE_LOCK_TIMEOUT_MILLIS = 1_000;
    /** How long a writer waits for a write lock that a live process holds. */
    static final long LIVE_HOLDER_LIMIT_MILLIS = 10_000;
    /** Size of the pieces in which read-only heap payloads are copied. */
    private static final int SCRATCH_BYTES = 4096;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    /** Null unless every participant lives in this JVM. */
    private final FrameSignal signal;
    /** Guarded by {@code this}. */
    private final byte[] scratch = new byte[SCRATCH_BYTES];
    /** Guarded by {@code this}. */
    private boolean closed;

    private Inbox(Path directory, SingleChronicleQueue queue, ExcerptAppender appender, FrameSignal signal) {
        this.directory = directory;
        this.queue = queue;
        this.appender = appender;
        this.signal = signal;
    }

    /**
     * Opens (creating if needed) the inbox queue in {@code directory}. Several JVMs may open the same
     * inbox at once; Chronicle coordinates their appenders through the queue's files.
     *
     * @param directory    the queue's folder
     * @param maxFrameSize the largest payload a frame may carry
     * @param signalled    whether every sender lives in this JVM, so that appends can wake the reader
     * @return the inbox
     */
    static Inbox open(Path directory, int maxFrameSize, boolean signalled) {
        SingleChronicleQueue queue = queueBuilder(directory, maxFrameSize).build();
        try {
            ExcerptAppender appender = queue.createAppender();
            // Used by whichever thread holds this inbox's lock, not by its creator.
            appender.singleThreadedCheckDisabled(true);
            return new Inbox(directory, queue, appender, signalled ? new FrameSignal() : null);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * @param directory    the queue's folder
     * @param maxFrameSize the largest payload a frame may carry
     * @return how every JVM of a run builds an inbox queue
     */
    static SingleChronicleQueueBuilder queueBuilder(Path directory, int maxFrameSize) {
        return SingleChronicleQueueBuilder.binary(directory)
                // Short runs: a daily cycle means one file per inbox (two if the run spans midnight
                // UTC), and its sparse index keeps appends cheap; frames are only read in order.
                .rollCycle(RollCycles.FAST_DAILY)
                .blockSize(blockSize(maxFrameSize))
                // A node killed in the middle of an append (a Kill fault lands at any instruction)
                // leaves the queue's cross-process write lock held; every other writer waits this
                // long, then Chronicle breaks the lock because its holder's process is dead. Its
                // default, 10 s, would stall everything sent to that participant past a failure
                // detector's patience. A live holder is waited for longer: see writingDocument().
                .timeoutMS(WRITE_LOCK_TIMEOUT_MILLIS);
    }

    /**
     * Chronicle accepts a document of up to a quarter of the block size, so large frame limits need
     * larger blocks; the file stays sparse either way.
     */
    static long blockSize(int maxFrameSize) {
        long needed = 4L * (maxFrameSize + FrameRecord.HEADER_BYTES);
        return Math.max(DEFAULT_BLOCK_SIZE, Long.highestOneBit(needed - 1) << 1);
    }

    /** @return the queue's folder */
    Path directory() {
        return directory;
    }

    /**
     * Appends one frame.
     *
     * @throws IllegalStateException if the inbox is closed
     */
    synchronized void append(int from, int type, ByteBuffer payload) {
        if (closed) {
            throw new IllegalStateException("the chronicle transport is closed (inbox " + directory + ")");
        }
        // An interrupt pending while Chronicle maps its next chunk would close the queue file's
        // channel for every user in this JVM; hold it back for the append and restore it after.
        boolean interrupted = Thread.interrupted();
        try (DocumentContext document = writingDocument()) {
            FrameRecord.write(document.wire().bytes(), from, type, payload, scratch);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (signal != null) {
            signal.appended();
        }
    }

    /** @return what wakes this inbox's reader when a frame is appended, or null where senders of other JVMs cannot */
    FrameSignal signal() {
        return signal;
    }

    /**
     * Opens a document once the write lock is free. Chronicle gives up on the lock after
     * {@value #WRITE_LOCK_TIMEOUT_MILLIS} ms, breaking it if its holder's process is dead and
     * throwing if the holder lives: a live holder is only slow (descheduled on a loaded machine, say),
     * so the wait goes on, up to {@value #LIVE_HOLDER_LIMIT_MILLIS} ms in all.
     */
    private DocumentContext writingDocument() {
        long start = System.nanoTime();
        while (true) {
            try {
                return appender.writingDocument();
            } catch (UnrecoverableTimeoutException e) {
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (waited >= LIVE_HOLDER_LIMIT_MILLIS) {
                    throw new IllegalStateException("The write lock of the inbox " + directory + " has been held by a"
                            + " live process for " + waited + " ms (" + e.getMessage() + ")", e);
                }
            }
        }
    }

    /** @return a tailer at the start of the queue, for the one thread at a time that polls it */
    synchronized ExcerptTailer createTailer() {
        if (closed) {
            throw new IllegalStateException("the chronicle transport is closed (inbox " + directory + ")");
        }
        ExcerptTailer tailer = queue.createTailer().toStart();
        tailer.singleThreadedCheckDisabled(true);
        return tailer;
    }

    /** Closes the appender and the queue, unmapping its files; waits for an append in progress. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            appender.close();
        } finally {
            queue.close();
        }
    }
}
