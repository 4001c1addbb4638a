package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * The traffic a node reports at the end of a phase (in ENTER and DONE): for the participants whose
 * links carried frames in it, the frames it sent there, the frames faults dropped on the way there,
 * and the frames faults dropped on the way from there; then, only for the peers its relays carried
 * something for, the relayed bytes each way and the connections accepted. Only links that carried
 * something are written, so a report between two barriers in a row is a few bytes whatever the run's
 * size, and a run without relays pays nothing for them.
 * <pre>
 *   0   count          int16   participants, N (peers are below it)
 *   2   links          int16   peers with frames sent or dropped, L
 *   4   L times: peer int16, sent int64, droppedTo int64, droppedFrom int64
 *   ..  relayed        int16   peers with relayed traffic, R
 *   ..  R times: peer int16, bytesTo int64, bytesFrom int64, connectionsOut int64, connectionsIn int64
 * </pre>
 */
public final class TrafficReport {

    /** The node's counters, each read and reset to zero as it is written. */
    public interface Counts {
        /** @return how many participants the counters cover */
        int participants();

        /**
         * @param to a participant
         * @return the frames sent to it since the last drain; resets the counter
         */
        long drainSent(int to);

        /**
         * @param to a participant
         * @return the frames to it that faults dropped since the last drain; resets the counter
         */
        long drainDroppedTo(int to);

        /**
         * @param from a participant
         * @return the frames from it that faults dropped since the last drain; resets the counter
         */
        long drainDroppedFrom(int from);

        /**
         * @param peer a participant
         * @return the relayed counts with it since the last drain, [bytes to, bytes from, connections
         *     this node opened to it, connections it opened to this node]; resets them
         */
        long[] drainRelayed(int peer);

        /**
         * @param sentTo      frames sent, per participant
         * @param droppedTo   frames dropped on the way to each participant
         * @param droppedFrom frames dropped on the way from each participant
         * @param relayed     relayed counts per participant, as {@link #drainRelayed} gives them
         * @return counts that read the same however often they are drained
         */
        static Counts of(long[] sentTo, long[] droppedTo, long[] droppedFrom, long[][] relayed) {
            return new Fixed(sentTo, droppedTo, droppedFrom, relayed);
        }
    }

    /** How many counts {@link Counts#drainRelayed} gives per peer. */
    public static final int RELAYED_COUNTS = 4;
    /** A link's entry: the peer, then its three frame counts. */
    private static final int LINK_ENTRY_BYTES = Short.BYTES + 3 * Long.BYTES;
    /** A relayed peer's entry: the peer, then its relayed counts. */
    private static final int RELAYED_ENTRY_BYTES = Short.BYTES + RELAYED_COUNTS * Long.BYTES;

    /** Counts already taken from their counters. */
    private record Fixed(long[] sentTo, long[] droppedTo, long[] droppedFrom, long[][] relayed) implements Counts {

        @Override
        public long[] drainRelayed(int peer) {
            return relayed[peer];
        }

        @Override
        public int participants() {
            return sentTo.length;
        }

        @Override
        public long drainSent(int to) {
            return sentTo[to];
        }

        @Override
        public long drainDroppedTo(int to) {
            return droppedTo[to];
        }

        @Override
        public long drainDroppedFrom(int from) {
            return droppedFrom[from];
        }
    }

    private TrafficReport() {
    }

    /**
     * @param buffer where, at its position
     * @param counts the counters, drained
     */
    public static void write(ByteBuffer buffer, Counts counts) {
        int participants = counts.participants();
        buffer.putShort((short) participants);
        int linksAt = buffer.position();
        buffer.putShort((short) 0);
        short links = 0;
        for (int peer = 0; peer < participants; peer++) {
            long sent = counts.drainSent(peer);
            long droppedTo = counts.drainDroppedTo(peer);
            long droppedFrom = counts.drainDroppedFrom(peer);
            if ((sent | droppedTo | droppedFrom) != 0) {
                buffer.putShort((short) peer).putLong(sent).putLong(droppedTo).putLong(droppedFrom);
                links++;
            }
        }
        buffer.putShort(linksAt, links);
        int relayedAt = buffer.position();
        buffer.putShort((short) 0);
        short relayedPeers = 0;
        for (int peer = 0; peer < participants; peer++) {
            long[] relayed = counts.drainRelayed(peer);
            if (relayed != null && (relayed[0] | relayed[1] | relayed[2] | relayed[3]) != 0) {
                buffer.putShort((short) peer);
                for (long count : relayed) {
                    buffer.putLong(count);
                }
                relayedPeers++;
            }
        }
        buffer.putShort(relayedAt, relayedPeers);
    }

    /**
     * Adds a report to a phase's link matrices.
     *
     * @param frame    the message
     * @param offset   where the report starts in it
     * @param reporter the reporting node's participant index
     * @param phase    the phase's matrices, added to
     */
    public static void addTo(ByteBuffer frame, int offset, int reporter, PhaseTraffic phase) {
        int participants = Math.min(frame.getShort(offset), phase.participants());
        int links = frame.getShort(offset + Short.BYTES);
        int entry = offset + 2 * Short.BYTES;
        for (int i = 0; i < links; i++, entry += LINK_ENTRY_BYTES) {
            int peer = frame.getShort(entry);
            if (peer < participants) {
                int counts = entry + Short.BYTES;
                phase.addSent(reporter, peer, frame.getLong(counts));
                phase.addDropped(reporter, peer, frame.getLong(counts + Long.BYTES));
                phase.addDropped(peer, reporter, frame.getLong(counts + 2 * Long.BYTES));
            }
        }
        int relayedPeers = frame.getShort(entry);
        entry += Short.BYTES;
        for (int i = 0; i < relayedPeers; i++, entry += RELAYED_ENTRY_BYTES) {
            int peer = frame.getShort(entry);
            if (peer < participants) {
                int counts = entry + Short.BYTES;
                phase.addRelayedBytes(reporter, peer, frame.getLong(counts));
                phase.addRelayedBytes(peer, reporter, frame.getLong(counts + Long.BYTES));
                phase.addRelayedConnections(reporter, peer, frame.getLong(counts + 2 * Long.BYTES));
                phase.addRelayedConnections(peer, reporter, frame.getLong(counts + 3 * Long.BYTES));
            }
        }
    }
}
