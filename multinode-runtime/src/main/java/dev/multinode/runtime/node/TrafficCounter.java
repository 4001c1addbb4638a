package dev.multinode.runtime.node;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the frames a node sends to each participant during the current phase (between two
 * barriers); each ENTER and the final DONE carry the counts to the conductor for the run's timeline.
 */
final class TrafficCounter {

    private final AtomicLongArray sent;

    TrafficCounter(int participants) {
        this.sent = new AtomicLongArray(participants);
    }

    void count(int to) {
        sent.incrementAndGet(to);
    }

    /** Writes the counts since the last drain and starts a new phase. */
    void drainTo(ByteBuffer buffer) {
        buffer.putShort((short) sent.length());
        for (int i = 0; i < sent.length(); i++) {
            buffer.putLong(sent.getAndSet(i, 0));
        }
    }
}
