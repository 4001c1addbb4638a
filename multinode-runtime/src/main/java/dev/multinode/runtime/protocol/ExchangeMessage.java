package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * EXCHANGE, node to conductor: the node's value of an all-gather. The first arrival's timeout
 * bounds the exchange on the conductor's clock.
 * <pre>
 *   0   timeoutMillis  int64
 *   8   key            string
 *   ..  value          string
 * </pre>
 */
public final class ExchangeMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.EXCHANGE;

    private static final int TIMEOUT_OFFSET = 0;
    private static final int KEY_OFFSET = TIMEOUT_OFFSET + Long.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer        a send buffer
     * @param timeoutMillis how long the exchange may wait for the others
     * @param key           the exchange's name
     * @param value         this node's value
     * @return {@code buffer}, ready to send
     * @throws java.nio.BufferOverflowException if they do not fit the buffer
     */
    public static ByteBuffer write(ByteBuffer buffer, long timeoutMillis, String key, String value) {
        buffer.clear().putLong(TIMEOUT_OFFSET, timeoutMillis).position(KEY_OFFSET);
        Wire.putString(buffer, key);
        Wire.putString(buffer, value);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public ExchangeMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return how long the exchange may wait */
    public long timeoutMillis() {
        return frame.getLong(TIMEOUT_OFFSET);
    }

    /** @return the exchange's name */
    public String key() {
        return Wire.getString(frame, KEY_OFFSET);
    }

    /** @return this node's value */
    public String value() {
        return Wire.getString(frame, Wire.stringEnd(frame, KEY_OFFSET));
    }
}
