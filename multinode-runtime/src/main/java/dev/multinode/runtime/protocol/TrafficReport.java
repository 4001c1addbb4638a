package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * The traffic a node reports at the end of a phase (in ENTER and DONE): per participant, the frames
 * it sent there, the frames faults dropped on the way there, and the frames faults dropped on the
 * way from there; then, only for the peers its relays carried something for, the relayed bytes each
 * way and the connections accepted, so that a run without relays pays nothing for them.
 * <pre>
 *   0   count          int16   participants, N
 *   2   sent[N]        int64 each
 *   ..  droppedTo[N]   int64 each
 *   ..  droppedFrom[N] int64 each
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
        for (int to = 0; to < participants; to++) {
            buffer.putLong(counts.drainSent(to));
        }
        for (int to = 0; to < participants; to++) {
            buffer.putLong(counts.drainDroppedTo(to));
        }
        for (int from = 0; from < participants; from++) {
            buffer.putLong(counts.drainDroppedFrom(from));
        }
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
        long[][] sent = phase.sent();
        long[][] dropped = phase.dropped();
        int reported = frame.getShort(offset);
        int participants = Math.min(reported, sent.length);
        int sentAt = offset + Short.BYTES;
        int droppedToAt = sentAt + reported * Long.BYTES;
        int droppedFromAt = droppedToAt + reported * Long.BYTES;
        for (int other = 0; other < participants; other++) {
            sent[reporter][other] += frame.getLong(sentAt + other * Long.BYTES);
            dropped[reporter][other] += frame.getLong(droppedToAt + other * Long.BYTES);
            dropped[other][reporter] += frame.getLong(droppedFromAt + other * Long.BYTES);
        }
        int relayedAt = droppedFromAt + reported * Long.BYTES;
        int relayedPeers = frame.getShort(relayedAt);
        int entry = relayedAt + Short.BYTES;
        for (int i = 0; i < relayedPeers; i++, entry += Short.BYTES + RELAYED_COUNTS * Long.BYTES) {
            int peer = frame.getShort(entry);
            if (peer < participants) {
                int counts = entry + Short.BYTES;
                phase.relayedBytes()[reporter][peer] += frame.getLong(counts);
                phase.relayedBytes()[peer][reporter] += frame.getLong(counts + Long.BYTES);
                phase.relayedConnections()[reporter][peer] += frame.getLong(counts + 2 * Long.BYTES);
                phase.relayedConnections()[peer][reporter] += frame.getLong(counts + 3 * Long.BYTES);
            }
        }
    }
}
