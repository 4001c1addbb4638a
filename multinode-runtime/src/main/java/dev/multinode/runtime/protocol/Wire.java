package dev.multinode.runtime.protocol;

import dev.multinode.Direction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The field encodings every control message shares: strings as an int32 UTF-8 length and the
 * bytes, directions as one byte. Buffers are heap buffers (received payloads are copied with
 * {@link #copy} first).
 */
public final class Wire {

    /** Bytes of a string's length prefix. */
    public static final int STRING_HEADER = Integer.BYTES;

    private static final Direction[] DIRECTIONS = Direction.values();

    private Wire() {
    }

    /**
     * Writes a string at the buffer's position as its UTF-8 length and bytes.
     *
     * @param buffer where
     * @param value  what, not null
     */
    public static void putString(ByteBuffer buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length).put(bytes);
    }

    /**
     * @param buffer where, positioned at a string written by {@link #putString}; left after it
     * @return the string
     * @throws IllegalArgumentException if the length is impossible
     */
    public static String getString(ByteBuffer buffer) {
        String value = getString(buffer, buffer.position());
        buffer.position(stringEnd(buffer, buffer.position()));
        return value;
    }

    /**
     * @param buffer where; its position is not changed
     * @param offset where the string's length prefix starts
     * @return the string
     * @throws IllegalArgumentException if the length is impossible
     */
    public static String getString(ByteBuffer buffer, int offset) {
        int length = checkedLength(buffer, offset);
        return new String(buffer.array(), buffer.arrayOffset() + offset + STRING_HEADER, length, StandardCharsets.UTF_8);
    }

    /**
     * @param buffer where
     * @param offset where a string's length prefix starts
     * @return the offset just after that string
     * @throws IllegalArgumentException if the length is impossible
     */
    public static int stringEnd(ByteBuffer buffer, int offset) {
        return offset + STRING_HEADER + checkedLength(buffer, offset);
    }

    private static int checkedLength(ByteBuffer buffer, int offset) {
        if (offset < 0 || offset + STRING_HEADER > buffer.limit()) {
            throw new IllegalArgumentException("malformed string at offset " + offset + " of a " + buffer.limit()
                    + "-byte frame");
        }
        int length = buffer.getInt(offset);
        if (length < 0 || length > buffer.limit() - offset - STRING_HEADER) {
            throw new IllegalArgumentException("malformed string of length " + length + " with "
                    + (buffer.limit() - offset - STRING_HEADER) + " bytes left");
        }
        return length;
    }

    /**
     * @param direction a fault's direction
     * @return its wire code
     */
    public static byte code(Direction direction) {
        return (byte) direction.ordinal();
    }

    /**
     * @param code a wire code written by {@link #code(Direction)}
     * @return the direction
     * @throws IllegalArgumentException if no direction has that code
     */
    public static Direction direction(byte code) {
        if (code < 0 || code >= DIRECTIONS.length) {
            throw new IllegalArgumentException("unknown direction code " + code);
        }
        return DIRECTIONS[code];
    }

    /**
     * Copies a received payload into an owned heap buffer, so that a message can read it.
     *
     * @param payload the transport's view, consumed
     * @param scratch a reusable heap buffer at least as large as the frame limit
     * @return {@code scratch}, flipped over a copy of the payload
     */
    public static ByteBuffer copy(ByteBuffer payload, ByteBuffer scratch) {
        scratch.clear();
        scratch.put(payload);
        return scratch.flip();
    }
}
