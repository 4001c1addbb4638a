package dev.multinode.runtime.protocol;

/**
 * Fault operations. A request (node to conductor) names roles; the conductor turns it into
 * applications (conductor to node) that name participants, one per node that must act.
 */
public enum FaultKind {
    /** Request and application: kill the node abruptly. */
    KILL(1, "kill"),
    /** Request and application: stop the node gracefully. */
    SHUTDOWN(2, "shutdown"),
    /** Request: blackhole a link; application: block traffic with one peer. */
    BLACKHOLE(3, "blackhole"),
    /** Request: undo a blackhole; application: unblock traffic with one peer. */
    PASS_THROUGH(4, "passThrough"),
    /** Request: partition two sides (applied as blackholes). */
    PARTITION(5, "partition"),
    /** Request and application: remove every fault. */
    HEAL(6, "heal"),
    /** Request and application: delay frames to one peer. */
    DELAY(7, "delay"),
    /** Request and application: drop frames to one peer with a probability. */
    DROP(8, "drop"),
    /** Application only: a peer is gone; drop its traffic. */
    PEER_GONE(9, "peerGone"),
    /** Request: kill a node and start it again (applied as a kill, then a new start). */
    RESTART(10, "restart"),
    /** Request: freeze a node (SIGSTOP in process mode, the node's own gate in thread mode). */
    PAUSE(11, "pause"),
    /** Request: let a paused node go on. */
    RESUME(12, "resume"),
    /** Request and application: set how far the node's clock is ahead of true time (the delay field). */
    SKEW_CLOCK(13, "skewClock"),
    /** Request and application: set the rate of the node's clock (the probability field). */
    DRIFT_CLOCK(14, "driftClock"),
    /** Application only: a gone peer is back (a new incarnation); accept its traffic again. */
    PEER_BACK(15, "peerBack"),
    /** Request and application: limit relayed bytes to one peer (bytes per second in the delay field). */
    BANDWIDTH(16, "bandwidth"),
    /** Request and application: reset the relayed connections this node opened to one peer. */
    DISCONNECT(17, "disconnect"),
    /**
     * Application only, to the other end of a link: the peer blackholed its link with this node
     * (direction as seen from the peer). Frames are filtered at the peer; this node's relays need it
     * because the bytes of one connection flow both ways through one relay.
     */
    PEER_BLACKHOLE(18, "peerBlackhole"),
    /** Application only, to the other end of a link: the peer undid a blackhole of its link with this node. */
    PEER_PASS_THROUGH(19, "peerPassThrough"),
    /** Application only, to the receiving end of a link: the peer's bytes to this node are delayed. */
    PEER_DELAY(20, "peerDelay"),
    /** Application only, to the receiving end of a link: the peer's bytes to this node are limited. */
    PEER_BANDWIDTH(21, "peerBandwidth"),
    /** Application only, to the receiving end of a link: reset the connections the peer opened to this node. */
    PEER_DISCONNECT(22, "peerDisconnect");

    private static final FaultKind[] BY_CODE = new FaultKind[23];

    static {
        for (FaultKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;
    private final String apiName;

    FaultKind(int code, String apiName) {
        this.code = (byte) code;
        this.apiName = apiName;
    }

    /** @return the wire code */
    public byte code() {
        return code;
    }

    /** @return the name of the {@code Faults} method, for messages */
    public String apiName() {
        return apiName;
    }

    /**
     * @param code a wire code
     * @return the kind of that code
     * @throws IllegalArgumentException if no kind has it
     */
    public static FaultKind of(byte code) {
        FaultKind kind = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (kind == null) {
            throw new IllegalArgumentException("unknown fault kind code " + code);
        }
        return kind;
    }
}
