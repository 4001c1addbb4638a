package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EXCHANGE_RESULT, conductor to each node of an all-gather: every live node's value, or why the
 * exchange failed.
 * <pre>
 *   0   key      string
 *   ..  refusal  string  empty when the exchange completed
 *   ..  count    int32   then that many pairs of strings: role, value (in role order)
 * </pre>
 */
public final class ExchangeResultMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.EXCHANGE_RESULT;

    private static final int KEY_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer  a send buffer
     * @param key     the exchange's name
     * @param refusal why the exchange failed, or empty
     * @param values  each node's value by role, in role order; empty when refused
     * @return {@code buffer}, ready to send
     * @throws java.nio.BufferOverflowException if the values do not fit the buffer
     */
    public static ByteBuffer write(ByteBuffer buffer, String key, String refusal, Map<String, String> values) {
        buffer.clear().position(KEY_OFFSET);
        Wire.putString(buffer, key);
        Wire.putString(buffer, refusal);
        buffer.putInt(values.size());
        values.forEach((role, value) -> {
            Wire.putString(buffer, role);
            Wire.putString(buffer, value);
        });
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public ExchangeResultMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the exchange's name */
    public String key() {
        return Wire.getString(frame, KEY_OFFSET);
    }

    /** @return why the exchange failed, or empty */
    public String refusal() {
        return Wire.getString(frame, Wire.stringEnd(frame, KEY_OFFSET));
    }

    /** @return each node's value by role, in role order */
    public Map<String, String> values() {
        int at = Wire.stringEnd(frame, Wire.stringEnd(frame, KEY_OFFSET));
        int count = frame.getInt(at);
        if (count < 0 || count > frame.limit()) {
            throw new IllegalArgumentException("malformed value count " + count);
        }
        at += Integer.BYTES;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String role = Wire.getString(frame, at);
            at = Wire.stringEnd(frame, at);
            values.put(role, Wire.getString(frame, at));
            at = Wire.stringEnd(frame, at);
        }
        return values;
    }
}
