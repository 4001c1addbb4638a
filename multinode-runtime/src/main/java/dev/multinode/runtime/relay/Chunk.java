package dev.multinode.runtime.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A direct buffer of bytes read from one side and not yet written to the other, and when they were
 * read. It stays in fill mode (position = end of what was read) and keeps its own write index, so
 * that reads can append behind bytes still being written without flipping back and forth.
 */
final class Chunk {

    private final ByteBuffer buffer;
    private int sent;
    private long firstReadNanos;
    private long lastReadNanos;

    Chunk(int size) {
        buffer = ByteBuffer.allocateDirect(size);
    }

    /** @return bytes read, 0 if none are there, -1 at the end of the stream */
    int readFrom(SocketChannel source, long now) throws IOException {
        boolean wasEmpty = buffer.position() == 0;
        int read = source.read(buffer);
        if (read > 0) {
            lastReadNanos = now;
            if (wasEmpty) {
                firstReadNanos = now;
            }
        }
        return read;
    }

    /** @return bytes written of at most {@code max} pending ones */
    int writeTo(SocketChannel sink, long max) throws IOException {
        int end = buffer.position();
        buffer.limit((int) Math.min(end, sent + max)).position(sent);
        int written;
        try {
            written = sink.write(buffer);
        } finally {
            buffer.limit(buffer.capacity()).position(end);
        }
        sent += written;
        return written;
    }

    int pending() {
        return buffer.position() - sent;
    }

    boolean hasRoom() {
        return buffer.hasRemaining();
    }

    boolean sendingStarted() {
        return sent > 0;
    }

    long firstReadNanos() {
        return firstReadNanos;
    }

    /** The latest read's time: bytes appended late are never delivered early, at worst a little late. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    void clear() {
        buffer.clear();
        sent = 0;
    }
}
