package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * RELEASE, conductor to node: a barrier completed.
 * <pre>
 *   0   barrier  string
 * </pre>
 */
public final class ReleaseMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.RELEASE;

    private static final int BARRIER_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer  a send buffer
     * @param barrier the barrier's name
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, String barrier) {
        buffer.clear().position(BARRIER_OFFSET);
        Wire.putString(buffer, barrier);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public ReleaseMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the barrier's name */
    public String barrier() {
        return Wire.getString(frame, BARRIER_OFFSET);
    }
}
