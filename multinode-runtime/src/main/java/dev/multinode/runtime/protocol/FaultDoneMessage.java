package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * FAULT_DONE, conductor to the requesting node: the fault is in force, or was refused.
 * <pre>
 *   0   requestId  int64    from FAULT_REQUEST
 *   8   refusal    string   empty when the fault is in force
 *   ..  notice     string   what the requester's log should say of it, or empty
 * </pre>
 */
public final class FaultDoneMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.FAULT_DONE;

    private static final int REQUEST_ID_OFFSET = 0;
    private static final int REFUSAL_OFFSET = REQUEST_ID_OFFSET + Long.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer    a send buffer
     * @param requestId the requester's id
     * @param refusal   why it was refused, or empty
     * @param notice    what the requester should log (a fault that touched no traffic), or empty
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long requestId, String refusal, String notice) {
        buffer.clear().putLong(REQUEST_ID_OFFSET, requestId).position(REFUSAL_OFFSET);
        Wire.putString(buffer, refusal);
        Wire.putString(buffer, notice);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public FaultDoneMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the requester's id */
    public long requestId() {
        return frame.getLong(REQUEST_ID_OFFSET);
    }

    /** @return why the fault was refused, or empty when it is in force */
    public String refusal() {
        return Wire.getString(frame, REFUSAL_OFFSET);
    }

    /** @return what the requester should log of the fault, or empty */
    public String notice() {
        return Wire.getString(frame, Wire.stringEnd(frame, REFUSAL_OFFSET));
    }
}
