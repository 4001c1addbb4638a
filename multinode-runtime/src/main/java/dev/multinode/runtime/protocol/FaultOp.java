package dev.multinode.runtime.protocol;

/**
 * Fault operations. Requests (node to conductor) name roles; the conductor turns each into
 * applications (conductor to node) that name participants, one per node that must act.
 */
public final class FaultOp {

    /** Request and application: kill the node abruptly. */
    public static final byte KILL = 1;
    /** Request and application: stop the node gracefully. */
    public static final byte SHUTDOWN = 2;
    /** Request: blackhole a link; application: block traffic with one peer. */
    public static final byte BLACKHOLE = 3;
    /** Request: undo a blackhole; application: unblock traffic with one peer. */
    public static final byte PASS_THROUGH = 4;
    /** Request: partition two sides. */
    public static final byte PARTITION = 5;
    /** Request and application: remove every fault. */
    public static final byte HEAL = 6;
    /** Request and application: delay frames to one peer. */
    public static final byte DELAY = 7;
    /** Request and application: drop frames to one peer with a probability. */
    public static final byte DROP = 8;
    /** Application: a peer is gone; drop its traffic both ways. */
    public static final byte PEER_GONE = 9;

    private FaultOp() {
    }
}
