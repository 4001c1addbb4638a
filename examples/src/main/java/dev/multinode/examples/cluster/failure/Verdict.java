package dev.multinode.examples.cluster.failure;

/** What the failure detector concludes about one member at one instant. */
public enum Verdict {
    /** Nothing changes. */
    NONE,
    /** Silent too long: mark it unreachable. */
    UNREACHABLE,
    /** Unreachable but heard again: mark it reachable. */
    REACHABLE,
    /** Unreachable for the down period too, and this node leads: down it. */
    DOWN
}
