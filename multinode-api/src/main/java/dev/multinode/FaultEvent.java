package dev.multinode;

import java.time.Duration;

/**
 * One link fault as it came into force on a node, told to a {@link FaultListener}. The link is seen
 * from this node: {@code from} is the node that heard it, {@code to} its peer.
 *
 * @param kind      what changed
 * @param from      this node's role
 * @param to        the peer's role, or null for {@link Kind#HEAL}, which concerns every peer
 * @param direction for a blackhole, which traffic; else {@link Direction#SEND}, or
 *                  {@link Direction#BOTH} for a heal
 * @param inForce   whether the fault begins (true) or ends (false: a pass-through, a delay or
 *                  probability of zero, a heal)
 * @param delay     a delay's length, else zero
 * @param probability a drop's probability, else zero
 * @param bytesPerSecond a bandwidth limit, else zero
 */
public record FaultEvent(Kind kind, String from, String to, Direction direction, boolean inForce, Duration delay,
                         double probability, long bytesPerSecond) {

    /** The kinds of link fault. */
    public enum Kind {
        /** {@link Faults#blackhole} (in force) or {@link Faults#passThrough} (ended). */
        BLACKHOLE,
        /** {@link Faults#delay}. */
        DELAY,
        /** {@link Faults#drop}. */
        DROP,
        /** {@link Faults#bandwidth}. */
        BANDWIDTH,
        /** {@link Faults#disconnect}: the link's connections were reset, a moment rather than a state. */
        DISCONNECT,
        /** {@link Faults#heal}: every link fault of this node ended. */
        HEAL
    }
}
