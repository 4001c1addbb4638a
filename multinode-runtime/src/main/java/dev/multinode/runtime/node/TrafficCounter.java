package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.TrafficReport;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per link, the frames a node sent and the frames faults dropped during the current phase
 * (between two barriers); each ENTER and the final DONE carry the counts to the conductor for the
 * run's timeline.
 */
final class TrafficCounter implements TrafficReport.Counts {

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

    @Override
    public int participants() {
        return sent.length();
    }

    @Override
    public long drainSent(int to) {
        return sent.getAndSet(to, 0);
    }

    @Override
    public long drainDroppedTo(int to) {
        return droppedOut.getAndSet(to, 0);
    }

    @Override
    public long drainDroppedFrom(int from) {
        return droppedIn.getAndSet(from, 0);
    }

    /**
     * Drains every counter at once, for a message that may have to be written twice (a DONE whose
     * error does not fit is retried shorter): the snapshot's drains return the same counts on every
     * write instead of the zeros a second drain of the live counters would give.
     *
     * @return the counts since the last drain; the live counters are reset
     */
    TrafficReport.Counts drain() {
        int participants = participants();
        long[] sentTo = new long[participants];
        long[] droppedTo = new long[participants];
        long[] droppedFrom = new long[participants];
        for (int other = 0; other < participants; other++) {
            sentTo[other] = drainSent(other);
            droppedTo[other] = drainDroppedTo(other);
            droppedFrom[other] = drainDroppedFrom(other);
        }
        return TrafficReport.Counts.of(sentTo, droppedTo, droppedFrom);
    }
}
