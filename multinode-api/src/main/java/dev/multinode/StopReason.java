package dev.multinode;

/**
 * Why a node's resources are being closed, as told to a {@link Closer}: a system under test can
 * then stop abruptly when its node is killed and gracefully otherwise.
 */
public enum StopReason {
    /**
     * The node was killed ({@link Faults#kill} or the kill half of {@link Faults#restart}): stop at
     * once, without a graceful leave, as a crashed process would. Its traffic is already cut off.
     */
    KILLED,
    /** The node was shut down ({@link Faults#shutdown}): stop gracefully; it may still talk to the others. */
    SHUT_DOWN,
    /** The run is over (the node's body ended and the conductor said stop, or the run was aborted). */
    RUN_ENDED
}
