package dev.multinode.runtime.conductor;

/** Where a node is, as the conductor knows it. */
enum Phase {
    STARTING(false),
    RUNNING(false),
    AT_BARRIER(false),
    /** Killed for a restart; its next incarnation has not said hello yet. */
    DOWN(false),
    PASSED(true),
    FAILED(true),
    CANCELLED(true),
    KILLED(true),
    SHUT_DOWN(true),
    DIED(true);

    private final boolean done;

    Phase(boolean done) {
        this.done = done;
    }

    /** @return whether the node's body will not run any further */
    boolean isDone() {
        return done;
    }

    /** @return whether the node was removed on purpose by a fault, and so is not in the barrier set */
    boolean isRemoved() {
        return this == KILLED || this == SHUT_DOWN || this == DOWN;
    }
}
