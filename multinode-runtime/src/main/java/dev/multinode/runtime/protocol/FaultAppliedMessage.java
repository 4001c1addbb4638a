package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * FAULT_APPLIED, node to conductor: this node's part of a fault is in force.
 * <pre>
 *   0   applyId  int64   from FAULT_APPLY
 *   8   touched  int8    1 if the link of a link fault carried the system's traffic at this node in
 *                        this phase or the one before, or a fault listener mirrors it; else 0
 * </pre>
 */
public final class FaultAppliedMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.FAULT_APPLIED;

    private static final int APPLY_ID_OFFSET = 0;
    private static final int TOUCHED_OFFSET = APPLY_ID_OFFSET + Long.BYTES;
    private static final int LENGTH = TOUCHED_OFFSET + Byte.BYTES;

    private FaultAppliedMessage() {
    }

    /**
     * @param buffer  a send buffer
     * @param applyId the conductor's id
     * @param touched whether the fault's link carried the system's traffic here (true for other faults)
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long applyId, boolean touched) {
        return buffer.clear().putLong(APPLY_ID_OFFSET, applyId).put(TOUCHED_OFFSET, (byte) (touched ? 1 : 0)).limit(LENGTH);
    }

    /**
     * @param received a received message
     * @return the conductor's id
     */
    public static long applyId(ByteBuffer received) {
        return received.getLong(received.position() + APPLY_ID_OFFSET);
    }

    /**
     * @param received a received message
     * @return whether the fault's link carried the system's traffic at the node
     */
    public static boolean touched(ByteBuffer received) {
        return received.get(received.position() + TOUCHED_OFFSET) != 0;
    }
}
