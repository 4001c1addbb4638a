package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads and writes the strings and numbers of control frames. */
public final class Wire {

    private Wire() {
    }

    /**
     * Writes a string as its UTF-8 length and bytes.
     *
     * @param buffer where
     * @param value  what, not null
     */
    public static void putString(ByteBuffer buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length).put(bytes);
    }

    /**
     * @param buffer where, positioned at a string written by {@link #putString}
     * @return the string
     * @throws IllegalArgumentException if the length is impossible
     */
    public static String getString(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("malformed string of length " + length + " with "
                    + buffer.remaining() + " bytes left");
        }
        String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return value;
    }

    /**
     * Copies a received payload into an owned heap buffer, so that it can be read with {@link #getString}.
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
