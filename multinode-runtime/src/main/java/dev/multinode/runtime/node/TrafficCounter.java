package dev.multinode.runtime.node;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per link, the frames a node sent and the frames faults dropped during the current phase
 * (between two barriers); each ENTER and the final DONE carry the counts to the conductor for the
 * run's timeline.
 */
final class TrafficCounter {

    private final AtomicLongArray sent;
    private final AtomicLongArray droppedOut;
    private final AtomicLongArray droppedIn;

    TrafficCounter(int participants) {
        this.sent = new AtomicLongArray(participants);
        this.droppedOut = new AtomicLongArray(participants);
        this.droppedIn = new AtomicLongArray(participants);
    }

    void sent(int to) {
        sent.incrementAndGet(to);
    }

    void droppedTo(int to) {
        droppedOut.incrementAndGet(to);
    }

    void droppedFrom(int from) {
        droppedIn.incrementAndGet(from);
    }

    /** Writes the counts since the last drain (sent, dropped outbound, dropped inbound) and starts a new phase. */
    void drainTo(ByteBuffer buffer) {
        buffer.putShort((short) sent.length());
        drain(sent, buffer);
        drain(droppedOut, buffer);
        drain(droppedIn, buffer);
    }

    private static void drain(AtomicLongArray counts, ByteBuffer buffer) {
        for (int i = 0; i < counts.length(); i++) {
            buffer.putLong(counts.getAndSet(i, 0));
        }
    }
}
