package dev.multinode.runtime.report;

/**
 * What went over one directed link between two nodes in a band of the diagram.
 *
 * @param from               the sender's participant index (the first node is 1)
 * @param to                 the receiver's participant index
 * @param frames             frames sent
 * @param dropped            frames faults dropped
 * @param relayedBytes       the system's own bytes relays delivered
 * @param relayedConnections the system's own connections {@code from} opened to {@code to} through relays
 */
record Link(int from, int to, long frames, long dropped, long relayedBytes, long relayedConnections) {

    /** @return whether the link carried frames, or faults dropped some */
    boolean framed() {
        return frames > 0 || dropped > 0;
    }

    /** @return whether the system's own sockets used the link */
    boolean relayed() {
        return relayedBytes > 0 || relayedConnections > 0;
    }

    /** @return the frames as the arrow's label writes them: the count and {@code ✗n} for drops; empty if none */
    String framesText() {
        if (!framed()) {
            return "";
        }
        return dropped == 0 ? Long.toString(frames) : (frames == 0 ? "" : frames + " \u00b7 ") + "\u2717" + dropped;
    }

    /** @return the relayed traffic as the arrow's label writes it, e.g. {@code 12.3 KB, 2 conn}; empty if none */
    String relayedText() {
        if (!relayed()) {
            return "";
        }
        return ByteSize.compact(relayedBytes) + (relayedConnections == 0 ? "" : ", " + relayedConnections + " conn");
    }
}
