package dev.multinode.bench;

import java.io.Serializable;

/**
 * The shape of one ping-pong measurement, the same for the harness and for every raw baseline.
 * Serializable because node bodies capture it.
 *
 * @param messageSize bytes per frame; the first eight carry the round trip's sequence number
 * @param warmup      round trips run before measuring, to let the JIT settle
 * @param measured    round trips recorded in the histogram
 */
public record PingPongPlan(int messageSize, int warmup, int measured) implements Serializable {

    /** The smallest frame: it must hold the sequence number. */
    public static final int MIN_MESSAGE_SIZE = Long.BYTES;
    /** The largest frame: far below every transport's limit, and large enough for any latency test. */
    public static final int MAX_MESSAGE_SIZE = 4096;

    /**
     * @throws IllegalArgumentException if a value is out of range, naming it and the accepted range
     */
    public PingPongPlan {
        if (messageSize < MIN_MESSAGE_SIZE || messageSize > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("messageSize " + messageSize + " is out of range: accepted "
                    + MIN_MESSAGE_SIZE + " to " + MAX_MESSAGE_SIZE + " bytes");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup " + warmup + " is negative: accepted 0 or more round trips");
        }
        if (measured < 1) {
            throw new IllegalArgumentException("measured " + measured + " is out of range: accepted 1 or more round trips");
        }
    }

    /** @return every round trip, warm-up included */
    public int total() {
        return warmup + measured;
    }
}
