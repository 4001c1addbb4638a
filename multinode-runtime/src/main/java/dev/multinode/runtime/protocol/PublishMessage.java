package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * PUBLISH, node to conductor: a value of the node's in the shared directory, replacing an earlier
 * one of the same key.
 * <pre>
 *   0   key    string
 *   ..  value  string
 * </pre>
 */
public final class PublishMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.PUBLISH;

    private static final int KEY_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer a send buffer
     * @param key    the key
     * @param value  the value
     * @return {@code buffer}, ready to send
     * @throws java.nio.BufferOverflowException if they do not fit the buffer
     */
    public static ByteBuffer write(ByteBuffer buffer, String key, String value) {
        buffer.clear().position(KEY_OFFSET);
        Wire.putString(buffer, key);
        Wire.putString(buffer, value);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public PublishMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the key */
    public String key() {
        return Wire.getString(frame, KEY_OFFSET);
    }

    /** @return the value */
    public String value() {
        return Wire.getString(frame, Wire.stringEnd(frame, KEY_OFFSET));
    }
}
