package dev.multinode.runtime.protocol;

import dev.multinode.Direction;
import java.nio.ByteBuffer;

/**
 * FAULT_APPLY, conductor to node: apply this node's part of a fault, towards one peer, and confirm
 * with FAULT_APPLIED. Fixed size.
 * <pre>
 *   0   applyId      int64    echoed by FAULT_APPLIED
 *   8   kind         int8     {@link FaultKind#code()}
 *   9   peer         int32    the other participant of the link (the node itself for kill, shutdown)
 *   13  direction    int8     {@link Wire#code(Direction)}
 *   14  delayNanos   int64
 *   22  probability  float64
 * </pre>
 */
public final class FaultApplyMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.FAULT_APPLY;

    private static final int APPLY_ID_OFFSET = 0;
    private static final int KIND_OFFSET = APPLY_ID_OFFSET + Long.BYTES;
    private static final int PEER_OFFSET = KIND_OFFSET + Byte.BYTES;
    private static final int DIRECTION_OFFSET = PEER_OFFSET + Integer.BYTES;
    private static final int DELAY_NANOS_OFFSET = DIRECTION_OFFSET + Byte.BYTES;
    private static final int PROBABILITY_OFFSET = DELAY_NANOS_OFFSET + Long.BYTES;
    private static final int LENGTH = PROBABILITY_OFFSET + Double.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer      a send buffer
     * @param applyId     the conductor's id for the confirmation
     * @param kind        what to apply
     * @param peer        the link's other participant
     * @param direction   which way
     * @param delayNanos  a delay's length, else 0
     * @param probability a drop's probability, else 0
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long applyId, FaultKind kind, int peer, Direction direction,
                                   long delayNanos, double probability) {
        return buffer.clear()
                .putLong(APPLY_ID_OFFSET, applyId)
                .put(KIND_OFFSET, kind.code())
                .putInt(PEER_OFFSET, peer)
                .put(DIRECTION_OFFSET, Wire.code(direction))
                .putLong(DELAY_NANOS_OFFSET, delayNanos)
                .putDouble(PROBABILITY_OFFSET, probability)
                .limit(LENGTH);
    }

    /**
     * @param received a received message, read in place (it need not be copied: the layout is fixed)
     * @return this, reading it
     * @throws IllegalArgumentException if it is too short
     */
    public FaultApplyMessage wrap(ByteBuffer received) {
        if (received.remaining() < LENGTH) {
            throw new IllegalArgumentException("FAULT_APPLY of " + received.remaining() + " bytes, expected " + LENGTH);
        }
        this.frame = received;
        return this;
    }

    /** @return the conductor's id */
    public long applyId() {
        return frame.getLong(frame.position() + APPLY_ID_OFFSET);
    }

    /** @return what to apply */
    public FaultKind kind() {
        return FaultKind.of(frame.get(frame.position() + KIND_OFFSET));
    }

    /** @return the link's other participant */
    public int peer() {
        return frame.getInt(frame.position() + PEER_OFFSET);
    }

    /** @return which way */
    public Direction direction() {
        return Wire.direction(frame.get(frame.position() + DIRECTION_OFFSET));
    }

    /** @return a delay's length */
    public long delayNanos() {
        return frame.getLong(frame.position() + DELAY_NANOS_OFFSET);
    }

    /** @return a drop's probability */
    public double probability() {
        return frame.getDouble(frame.position() + PROBABILITY_OFFSET);
    }
}
