package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * LOOKUP_ANSWER, conductor to the looking-up node: the value, or why there is none.
 * <pre>
 *   0   requestId  int64   from LOOKUP
 *   8   refusal    string  empty when the value was found
 *   ..  value      string  empty when refused
 * </pre>
 */
public final class LookupAnswerMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.LOOKUP_ANSWER;

    private static final int REQUEST_ID_OFFSET = 0;
    private static final int REFUSAL_OFFSET = REQUEST_ID_OFFSET + Long.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer    a send buffer
     * @param requestId the requester's id
     * @param refusal   why there is no value, or empty
     * @param value     the value, or empty
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long requestId, String refusal, String value) {
        buffer.clear().putLong(REQUEST_ID_OFFSET, requestId).position(REFUSAL_OFFSET);
        Wire.putString(buffer, refusal);
        Wire.putString(buffer, value);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public LookupAnswerMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the requester's id */
    public long requestId() {
        return frame.getLong(REQUEST_ID_OFFSET);
    }

    /** @return why there is no value, or empty when there is */
    public String refusal() {
        return Wire.getString(frame, REFUSAL_OFFSET);
    }

    /** @return the value */
    public String value() {
        return Wire.getString(frame, Wire.stringEnd(frame, REFUSAL_OFFSET));
    }
}
