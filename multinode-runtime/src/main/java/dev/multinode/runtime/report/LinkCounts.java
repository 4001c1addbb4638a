package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.PhaseRecord;
import java.util.List;
import java.util.function.Function;

/**
 * What went over each link during one or more phases, each matrix indexed [from participant][to
 * participant] with index 0 the conductor.
 *
 * @param frames             frames sent
 * @param dropped            frames faults dropped
 * @param relayedBytes       the system's own bytes relays delivered
 * @param relayedConnections the system's own connections through relays, [opener][other]
 */
record LinkCounts(long[][] frames, long[][] dropped, long[][] relayedBytes, long[][] relayedConnections) {

    /**
     * @param phases       a run's phases
     * @param first        the first phase to add up
     * @param last         the last phase to add up
     * @param participants the conductor and the nodes
     * @return the phases' counts added up
     */
    static LinkCounts sum(List<PhaseRecord> phases, int first, int last, int participants) {
        List<PhaseRecord> some = phases.subList(first, last + 1);
        return new LinkCounts(sum(some, PhaseRecord::traffic, participants), sum(some, PhaseRecord::dropped, participants),
                sum(some, PhaseRecord::relayedBytes, participants),
                sum(some, PhaseRecord::relayedConnections, participants));
    }

    /** @return the counts of the whole run */
    static LinkCounts of(RunRecord run) {
        List<PhaseRecord> phases = run.result().phases();
        return sum(phases, 0, phases.size() - 1, run.roles().size() + 1);
    }

    /**
     * @param counts a matrix of counts
     * @return all of them
     */
    static long total(long[][] counts) {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /**
     * @param counts      a matrix of counts
     * @param participant a participant's index
     * @return what the participant sent (or opened) on all its links
     */
    static long from(long[][] counts, int participant) {
        long total = 0;
        for (long count : counts[participant]) {
            total += count;
        }
        return total;
    }

    /**
     * @param counts      a matrix of counts
     * @param participant a participant's index
     * @return what all links delivered to the participant
     */
    static long to(long[][] counts, int participant) {
        long total = 0;
        for (long[] row : counts) {
            total += row[participant];
        }
        return total;
    }

    /** @return whether the system's own connections went through relays at all */
    boolean relayed() {
        return total(relayedBytes) > 0 || total(relayedConnections) > 0;
    }

    /**
     * @param from the sender's index
     * @param to   the receiver's index
     * @return what went over that link
     */
    Link link(int from, int to) {
        return new Link(from, to, frames[from][to], dropped[from][to], relayedBytes[from][to], relayedConnections[from][to]);
    }

    /** Adds up, for each link, the counts the phases carry; a matrix too small for the run counts as zeros beyond its edge. */
    private static long[][] sum(List<PhaseRecord> phases, Function<PhaseRecord, long[][]> counts, int participants) {
        long[][] total = new long[participants][participants];
        for (PhaseRecord phase : phases) {
            long[][] matrix = counts.apply(phase);
            for (int from = 0; from < participants && from < matrix.length; from++) {
                for (int to = 0; to < participants && to < matrix[from].length; to++) {
                    total[from][to] += matrix[from][to];
                }
            }
        }
        return total;
    }
}
