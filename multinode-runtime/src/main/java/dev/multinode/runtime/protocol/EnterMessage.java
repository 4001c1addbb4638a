package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * ENTER, node to conductor: the node entered a barrier, and its traffic since the last one.
 * <pre>
 *   0   timeoutMillis  int64   the barrier's timeout as this node asked for it
 *   8   barrier        string
 *   ..  traffic        {@link TrafficReport}
 * </pre>
 */
public final class EnterMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.ENTER;

    private static final int TIMEOUT_MILLIS_OFFSET = 0;
    private static final int BARRIER_OFFSET = TIMEOUT_MILLIS_OFFSET + Long.BYTES;

    private ByteBuffer frame;

    /**
     * @param buffer        a send buffer
     * @param barrier       the barrier's name
     * @param timeoutMillis its timeout
     * @param traffic       the node's traffic counters, drained
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, String barrier, long timeoutMillis, TrafficReport.Counts traffic) {
        buffer.clear().putLong(TIMEOUT_MILLIS_OFFSET, timeoutMillis).position(BARRIER_OFFSET);
        Wire.putString(buffer, barrier);
        TrafficReport.write(buffer, traffic);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public EnterMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the timeout the node asked for */
    public long timeoutMillis() {
        return frame.getLong(TIMEOUT_MILLIS_OFFSET);
    }

    /** @return the barrier's name */
    public String barrier() {
        return Wire.getString(frame, BARRIER_OFFSET);
    }

    /**
     * @param reporter the sender's participant index
     * @param phase    the phase's link matrices, added to
     */
    public void addTraffic(int reporter, PhaseTraffic phase) {
        TrafficReport.addTo(frame, Wire.stringEnd(frame, BARRIER_OFFSET), reporter, phase);
    }
}
