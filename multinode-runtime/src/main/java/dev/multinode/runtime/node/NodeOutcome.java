package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.Outcome;

/**
 * How a node's body ended.
 *
 * @param status how it ended
 * @param step   where the body was: before the first barrier, at or after a barrier
 * @param error  what it threw, or null
 */
public record NodeOutcome(Status status, String step, Throwable error) {

    /** How a body ended. */
    public enum Status {
        /** The body returned. */
        PASSED,
        /** The body threw. */
        FAILED,
        /** The body was stopped because the run was aborted. */
        CANCELLED,
        /** The node was killed or shut down by a fault; it reports nothing to the conductor. */
        REMOVED;

        /**
         * @return the outcome a DONE message carries for this status
         * @throws IllegalStateException for {@link #REMOVED}, which is never reported
         */
        Outcome wire() {
            return switch (this) {
                case PASSED -> Outcome.PASSED;
                case FAILED -> Outcome.FAILED;
                case CANCELLED -> Outcome.CANCELLED;
                case REMOVED -> throw new IllegalStateException("a node removed by a fault sends no DONE");
            };
        }
    }

    static NodeOutcome passed(String step) {
        return new NodeOutcome(Status.PASSED, step, null);
    }

    static NodeOutcome failed(String step, Throwable error) {
        return new NodeOutcome(Status.FAILED, step, error);
    }

    static NodeOutcome removed(String step) {
        return new NodeOutcome(Status.REMOVED, step, null);
    }

    static NodeOutcome cancelled(String step, Throwable error) {
        return new NodeOutcome(Status.CANCELLED, step, error);
    }
}
