package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * The traffic a node reports at the end of a phase (in ENTER and DONE): per participant, the frames
 * it sent there, the frames faults dropped on the way there, and the frames faults dropped on the
 * way from there.
 * <pre>
 *   0   count          int16   participants, N
 *   2   sent[N]        int64 each
 *   ..  droppedTo[N]   int64 each
 *   ..  droppedFrom[N] int64 each
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
         * @param sentTo      frames sent, per participant
         * @param droppedTo   frames dropped on the way to each participant
         * @param droppedFrom frames dropped on the way from each participant
         * @return counts that read the same however often they are drained
         */
        static Counts of(long[] sentTo, long[] droppedTo, long[] droppedFrom) {
            return new Fixed(sentTo, droppedTo, droppedFrom);
        }
    }

    /** Counts already taken from their counters. */
    private record Fixed(long[] sentTo, long[] droppedTo, long[] droppedFrom) implements Counts {

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
    }

    /**
     * Adds a report to a phase's link matrices.
     *
     * @param frame    the message
     * @param offset   where the report starts in it
     * @param reporter the reporting node's participant index
     * @param sent     frames sent, [from][to], added to
     * @param dropped  frames dropped, [from][to], added to
     */
    public static void addTo(ByteBuffer frame, int offset, int reporter, long[][] sent, long[][] dropped) {
        int participants = Math.min(frame.getShort(offset), sent.length);
        int sentAt = offset + Short.BYTES;
        int droppedToAt = sentAt + participants * Long.BYTES;
        int droppedFromAt = droppedToAt + participants * Long.BYTES;
        for (int other = 0; other < participants; other++) {
            sent[reporter][other] += frame.getLong(sentAt + other * Long.BYTES);
            dropped[reporter][other] += frame.getLong(droppedToAt + other * Long.BYTES);
            dropped[other][reporter] += frame.getLong(droppedFromAt + other * Long.BYTES);
        }
    }
}
