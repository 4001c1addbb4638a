package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * BARRIER_FAILED, conductor to each node waiting at a barrier: the barrier cannot complete.
 * <pre>
 *   0   barrier  string
 *   ..  reason   string   the whole explanation: who arrived, who is missing and where
 * </pre>
 */
public final class BarrierFailedMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.BARRIER_FAILED;

    private static final int BARRIER_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer  a send buffer
     * @param barrier the barrier's name
     * @param reason  why it failed
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, String barrier, String reason) {
        buffer.clear().position(BARRIER_OFFSET);
        Wire.putString(buffer, barrier);
        Wire.putString(buffer, reason);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public BarrierFailedMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the barrier's name */
    public String barrier() {
        return Wire.getString(frame, BARRIER_OFFSET);
    }

    /** @return why it failed */
    public String reason() {
        return Wire.getString(frame, Wire.stringEnd(frame, BARRIER_OFFSET));
    }
}
