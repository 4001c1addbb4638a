package dev.multinode.bench;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The raw Chronicle baseline's frames: one document per frame, its bytes written raw, in queues
 * built as the {@code chronicle} transport builds its inboxes (binary, daily roll cycle, default
 * block size). Shared by both processes of the baseline; nothing here allocates per frame.
 */
final class QueueFrames {

    private QueueFrames() {
    }

    /**
     * @param folder the queue's folder, created if missing
     * @return the queue; close it
     */
    static SingleChronicleQueue open(Path folder) {
        return SingleChronicleQueueBuilder.binary(folder).rollCycle(RollCycles.FAST_DAILY).build();
    }

    /**
     * Reads the next frame if there is one.
     *
     * @param tailer where to read
     * @param frame  receives the frame's bytes from index 0
     * @return the frame's length, or -1 if no frame is waiting
     * @throws IllegalStateException if the frame does not fit
     */
    static int read(ExcerptTailer tailer, byte[] frame) {
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return -1;
            }
            Bytes<?> bytes = document.wire().bytes();
            long length = bytes.readRemaining();
            if (length > frame.length) {
                throw new IllegalStateException("A frame of " + length + " bytes arrived; at most " + frame.length
                        + " were expected");
            }
            return bytes.read(frame, 0, (int) length);
        }
    }

    /**
     * Appends one frame.
     *
     * @param appender where to write
     * @param frame    the bytes, from index 0
     * @param length   how many
     */
    static void write(ExcerptAppender appender, byte[] frame, int length) {
        try (DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().write(frame, 0, length);
        }
    }
}
