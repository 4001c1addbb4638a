package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * FAULT_APPLIED, node to conductor: this node's part of a fault is in force.
 * <pre>
 *   0   applyId  int64   from FAULT_APPLY
 * </pre>
 */
public final class FaultAppliedMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.FAULT_APPLIED;

    private static final int APPLY_ID_OFFSET = 0;
    private static final int LENGTH = APPLY_ID_OFFSET + Long.BYTES;

    private FaultAppliedMessage() {
    }

    /**
     * @param buffer  a send buffer
     * @param applyId the conductor's id
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long applyId) {
        return buffer.clear().putLong(APPLY_ID_OFFSET, applyId).limit(LENGTH);
    }

    /**
     * @param received a received message
     * @return the conductor's id
     */
    public static long applyId(ByteBuffer received) {
        return received.getLong(received.position() + APPLY_ID_OFFSET);
    }
}
