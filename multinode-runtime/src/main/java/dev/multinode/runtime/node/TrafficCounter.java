package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.TrafficReport;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per link, the frames a node sent and the frames faults dropped during the current phase
 * (between two barriers), and the relays' bytes and connections; each ENTER and the final DONE carry
 * the counts to the conductor for the run's timeline. It also knows whether the system under test
 * used a link at all in this phase or the one before ({@link #touched}), so that a fault that
 * reaches none of its traffic can be told.
 */
final class TrafficCounter implements TrafficReport.Counts {

    private final AtomicLongArray sent;
    private final AtomicLongArray received;
    private final AtomicLongArray droppedOut;
    private final AtomicLongArray droppedIn;
    private final AtomicIntegerArray activeBefore;
    private final NodeRelays relays;
    /** The relays' totals at the last report, per peer: {@link TrafficReport#RELAYED_COUNTS} each. */
    private final long[][] reportedRelayed;

    TrafficCounter(int participants, NodeRelays relays) {
        this.sent = new AtomicLongArray(participants);
        this.received = new AtomicLongArray(participants);
        this.droppedOut = new AtomicLongArray(participants);
        this.droppedIn = new AtomicLongArray(participants);
        this.activeBefore = new AtomicIntegerArray(participants);
        this.relays = relays;
        this.reportedRelayed = new long[participants][TrafficReport.RELAYED_COUNTS];
    }

    void sent(int to) {
        sent.incrementAndGet(to);
    }

    void received(int from) {
        received.incrementAndGet(from);
    }

    /**
     * @param peer a participant
     * @return whether a frame, probe message or relayed byte crossed the link with it in this phase
     *     or the one before
     */
    boolean touched(int peer) {
        return activeBefore.get(peer) != 0 || activeNow(peer);
    }

    private boolean activeNow(int peer) {
        if ((sent.get(peer) | received.get(peer) | droppedOut.get(peer) | droppedIn.get(peer)) != 0) {
            return true;
        }
        long[] totals = relays.totals(peer);
        long[] reported = reportedRelayed[peer];
        synchronized (reported) {
            return totals[0] != reported[0] || totals[1] != reported[1] || totals[2] != reported[2]
                    || totals[3] != reported[3];
        }
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

    /** The phase ends (its counts are about to be reported): remember which links it used. */
    void endPhase() {
        for (int peer = 0; peer < participants(); peer++) {
            activeBefore.set(peer, activeNow(peer) ? 1 : 0);
            received.set(peer, 0);
        }
    }

    @Override
    public long drainSent(int to) {
        return sent.getAndSet(to, 0);
    }

    /** @return null while the relays carried nothing new for the peer, so that a run without relays allocates nothing */
    @Override
    public long[] drainRelayed(int peer) {
        long[] totals = relays.totals(peer);
        long[] reported = reportedRelayed[peer];
        synchronized (reported) {
            if (Arrays.equals(totals, reported)) {
                return null;
            }
            long[] phase = new long[totals.length];
            for (int i = 0; i < totals.length; i++) {
                phase[i] = totals[i] - reported[i];
                reported[i] = totals[i];
            }
            return phase;
        }
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
        long[][] relayed = new long[participants][];
        for (int other = 0; other < participants; other++) {
            sentTo[other] = drainSent(other);
            droppedTo[other] = drainDroppedTo(other);
            droppedFrom[other] = drainDroppedFrom(other);
            relayed[other] = drainRelayed(other);
        }
        return TrafficReport.Counts.of(sentTo, droppedTo, droppedFrom, relayed);
    }
}
