package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * DONE, node to conductor: the body returned, threw or was cancelled, and the node's traffic since
 * its last barrier.
 * <pre>
 *   0   outcome  int8     {@link Outcome#code()}
 *   1   step     string   where the body was
 *   ..  error    {@link ThrowableWire}, depth 0 when there is none
 *   ..  traffic  {@link TrafficReport}
 * </pre>
 */
public final class DoneMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.DONE;

    private static final int OUTCOME_OFFSET = 0;
    private static final int STEP_OFFSET = OUTCOME_OFFSET + Byte.BYTES;

    private ByteBuffer frame;
    private int trafficOffset;

    /**
     * @param buffer  a send buffer
     * @param outcome how the body ended
     * @param step    where it was
     * @param error   what it threw, or null
     * @param traffic the node's traffic counters, drained
     * @return {@code buffer}, ready to send
     * @throws java.nio.BufferOverflowException if the error's text does not fit
     */
    public static ByteBuffer write(ByteBuffer buffer, Outcome outcome, String step, Throwable error,
                                   TrafficReport.Counts traffic) {
        buffer.clear().put(OUTCOME_OFFSET, outcome.code()).position(STEP_OFFSET);
        Wire.putString(buffer, step);
        ThrowableWire.put(buffer, error);
        TrafficReport.write(buffer, traffic);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public DoneMessage wrap(ByteBuffer received) {
        this.frame = received;
        this.trafficOffset = -1;
        return this;
    }

    /** @return how the body ended */
    public Outcome outcome() {
        return Outcome.of(frame.get(OUTCOME_OFFSET));
    }

    /** @return where the body was */
    public String step() {
        return Wire.getString(frame, STEP_OFFSET);
    }

    /** @return what the body threw, rebuilt, or null */
    public RemoteNodeException error() {
        ByteBuffer reader = frame.duplicate().position(Wire.stringEnd(frame, STEP_OFFSET));
        RemoteNodeException error = ThrowableWire.get(reader);
        trafficOffset = reader.position();
        return error;
    }

    /**
     * @param reporter the sender's participant index
     * @param phase    the phase's link matrices, added to
     */
    public void addTraffic(int reporter, PhaseTraffic phase) {
        if (trafficOffset < 0) {
            error();
        }
        TrafficReport.addTo(frame, trafficOffset, reporter, phase);
    }
}
