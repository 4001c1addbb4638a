package dev.multinode.runtime.protocol;

import java.util.Arrays;

/**
 * The link matrices of one phase, indexed [from participant][to participant] (0 is the conductor),
 * that the nodes' {@link TrafficReport}s add to: frames sent, frames faults dropped, and the
 * system's own bytes and connections that went through fault relays.
 *
 * <p>The conductor keeps one per barrier for the whole run, and most links carry nothing in a phase
 * (none at all between two barriers in a row), so a row is allocated only when something is added
 * to it: until then it is the phase's one row of zeros, shared by every matrix. A phase of a run of
 * N nodes that carried nothing costs N + 1 longs and four arrays of references, not 4 (N + 1)² longs,
 * which at 100 nodes was a third of a megabyte per barrier for the collector to copy. The matrices
 * are for reading; only the {@code add} methods write.
 */
public final class PhaseTraffic {

    private final long[] zeros;
    private final long[][] sent;
    private final long[][] dropped;
    private final long[][] relayedBytes;
    private final long[][] relayedConnections;

    /** @param participants the conductor and the nodes */
    public PhaseTraffic(int participants) {
        zeros = new long[participants];
        sent = emptyMatrix();
        dropped = emptyMatrix();
        relayedBytes = emptyMatrix();
        relayedConnections = emptyMatrix();
    }

    private long[][] emptyMatrix() {
        long[][] matrix = new long[zeros.length][];
        Arrays.fill(matrix, zeros);
        return matrix;
    }

    /** @return the number of participants the matrices cover */
    public int participants() {
        return zeros.length;
    }

    /** @return frames sent */
    public long[][] sent() {
        return sent;
    }

    /** @return frames dropped by faults, at the sender or the receiver */
    public long[][] dropped() {
        return dropped;
    }

    /** @return bytes relays delivered from the first node to the second */
    public long[][] relayedBytes() {
        return relayedBytes;
    }

    /** @return relayed connections the first node opened to the second */
    public long[][] relayedConnections() {
        return relayedConnections;
    }

    void addSent(int from, int to, long frames) {
        add(sent, from, to, frames);
    }

    void addDropped(int from, int to, long frames) {
        add(dropped, from, to, frames);
    }

    void addRelayedBytes(int from, int to, long bytes) {
        add(relayedBytes, from, to, bytes);
    }

    void addRelayedConnections(int opener, int other, long connections) {
        add(relayedConnections, opener, other, connections);
    }

    private void add(long[][] matrix, int from, int to, long count) {
        if (count == 0) {
            return;
        }
        if (matrix[from] == zeros) {
            matrix[from] = new long[zeros.length];
        }
        matrix[from][to] += count;
    }
}
