package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * LOOKUP, node to conductor: the value a node published under a key; the conductor waits for it up
 * to the timeout, on its own clock.
 * <pre>
 *   0   requestId      int64   echoed by LOOKUP_ANSWER
 *   8   timeoutMillis  int64
 *   16  role           string  the publishing node
 *   ..  key            string
 * </pre>
 */
public final class LookupMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.LOOKUP;

    private static final int REQUEST_ID_OFFSET = 0;
    private static final int TIMEOUT_OFFSET = REQUEST_ID_OFFSET + Long.BYTES;
    private static final int ROLE_OFFSET = TIMEOUT_OFFSET + Long.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer        a send buffer
     * @param requestId     the requester's id for the answer
     * @param timeoutMillis how long the conductor waits for the value
     * @param role          the publishing node
     * @param key           the key
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long requestId, long timeoutMillis, String role, String key) {
        buffer.clear().putLong(REQUEST_ID_OFFSET, requestId).putLong(TIMEOUT_OFFSET, timeoutMillis).position(ROLE_OFFSET);
        Wire.putString(buffer, role);
        Wire.putString(buffer, key);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public LookupMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the requester's id */
    public long requestId() {
        return frame.getLong(REQUEST_ID_OFFSET);
    }

    /** @return how long the conductor waits for the value */
    public long timeoutMillis() {
        return frame.getLong(TIMEOUT_OFFSET);
    }

    /** @return the publishing node */
    public String role() {
        return Wire.getString(frame, ROLE_OFFSET);
    }

    /** @return the key */
    public String key() {
        return Wire.getString(frame, Wire.stringEnd(frame, ROLE_OFFSET));
    }
}
