package dev.multinode.runtime.protocol;

/**
 * The link matrices of one phase, indexed [from participant][to participant] (0 is the conductor),
 * that the nodes' {@link TrafficReport}s add to: frames sent, frames faults dropped, and the
 * system's own bytes and connections that went through fault relays.
 */
public final class PhaseTraffic {

    private final long[][] sent;
    private final long[][] dropped;
    private final long[][] relayedBytes;
    private final long[][] relayedConnections;

    /** @param participants the conductor and the nodes */
    public PhaseTraffic(int participants) {
        sent = new long[participants][participants];
        dropped = new long[participants][participants];
        relayedBytes = new long[participants][participants];
        relayedConnections = new long[participants][participants];
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
}
