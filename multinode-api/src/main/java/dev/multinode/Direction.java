package dev.multinode;

/** Which traffic of a link a fault affects, seen from the link's first role. */
public enum Direction {
    /** Frames the first role sends to the second. */
    SEND,
    /** Frames the first role receives from the second. */
    RECEIVE,
    /** Both. */
    BOTH
}
