package dev.multinode.runtime.protocol;

import dev.multinode.Direction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * FAULT_REQUEST, node to conductor: put a fault in force. Roles travel in two lists: a kill's or
 * shutdown's victim is the first side alone; a link's sender is the first side and its receiver the
 * second; a partition has its two sides; heal has none.
 * <pre>
 *   0   requestId    int64    echoed by FAULT_DONE
 *   8   kind         int8     {@link FaultKind#code()}
 *   9   direction    int8     {@link Wire#code(Direction)}
 *   10  delayNanos   int64    for a delay
 *   18  probability  float64  for a drop
 *   26  side1        int32 count, then that many strings
 *   ..  side2        int32 count, then that many strings
 * </pre>
 */
public final class FaultRequestMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.FAULT_REQUEST;

    private static final int REQUEST_ID_OFFSET = 0;
    private static final int KIND_OFFSET = REQUEST_ID_OFFSET + Long.BYTES;
    private static final int DIRECTION_OFFSET = KIND_OFFSET + Byte.BYTES;
    private static final int DELAY_NANOS_OFFSET = DIRECTION_OFFSET + Byte.BYTES;
    private static final int PROBABILITY_OFFSET = DELAY_NANOS_OFFSET + Long.BYTES;
    private static final int SIDE1_OFFSET = PROBABILITY_OFFSET + Double.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer      a send buffer
     * @param requestId   the requester's id for the answer
     * @param kind        what fault
     * @param direction   a blackhole's or pass-through's direction, else {@link Direction#BOTH}
     * @param delayNanos  a delay's length, else 0
     * @param probability a drop's probability, else 0
     * @param side1       the first list of roles
     * @param side2       the second list of roles
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, long requestId, FaultKind kind, Direction direction, long delayNanos,
                                   double probability, Collection<String> side1, Collection<String> side2) {
        buffer.clear()
                .putLong(REQUEST_ID_OFFSET, requestId)
                .put(KIND_OFFSET, kind.code())
                .put(DIRECTION_OFFSET, Wire.code(direction))
                .putLong(DELAY_NANOS_OFFSET, delayNanos)
                .putDouble(PROBABILITY_OFFSET, probability)
                .position(SIDE1_OFFSET);
        putRoles(buffer, side1);
        putRoles(buffer, side2);
        return buffer.flip();
    }

    private static void putRoles(ByteBuffer buffer, Collection<String> roles) {
        buffer.putInt(roles.size());
        roles.forEach(role -> Wire.putString(buffer, role));
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public FaultRequestMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the requester's id */
    public long requestId() {
        return frame.getLong(REQUEST_ID_OFFSET);
    }

    /** @return what fault */
    public FaultKind kind() {
        return FaultKind.of(frame.get(KIND_OFFSET));
    }

    /** @return the direction */
    public Direction direction() {
        return Wire.direction(frame.get(DIRECTION_OFFSET));
    }

    /** @return a delay's length */
    public long delayNanos() {
        return frame.getLong(DELAY_NANOS_OFFSET);
    }

    /** @return a drop's probability */
    public double probability() {
        return frame.getDouble(PROBABILITY_OFFSET);
    }

    /** @return the first list of roles */
    public List<String> side1() {
        return roles(SIDE1_OFFSET);
    }

    /** @return the second list of roles */
    public List<String> side2() {
        return roles(skipRoles(SIDE1_OFFSET));
    }

    private List<String> roles(int offset) {
        int count = count(offset);
        List<String> roles = new ArrayList<>(count);
        int at = offset + Integer.BYTES;
        for (int i = 0; i < count; i++) {
            roles.add(Wire.getString(frame, at));
            at = Wire.stringEnd(frame, at);
        }
        return roles;
    }

    private int skipRoles(int offset) {
        int count = count(offset);
        int at = offset + Integer.BYTES;
        for (int i = 0; i < count; i++) {
            at = Wire.stringEnd(frame, at);
        }
        return at;
    }

    private int count(int offset) {
        int count = frame.getInt(offset);
        if (count < 0 || count > frame.limit()) {
            throw new IllegalArgumentException("malformed role count " + count);
        }
        return count;
    }
}
