package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * ABORT, conductor to node: the run failed elsewhere; stop the body.
 * <pre>
 *   0   reason  string   one line: the root cause
 * </pre>
 */
public final class AbortMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.ABORT;

    private static final int REASON_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer a send buffer
     * @param reason the root cause, one line
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, String reason) {
        buffer.clear().position(REASON_OFFSET);
        Wire.putString(buffer, reason);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public AbortMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the root cause */
    public String reason() {
        return Wire.getString(frame, REASON_OFFSET);
    }
}
