package dev.multinode.runtime.node;

/**
 * How a node's body ended.
 *
 * @param status {@link #PASSED}, {@link #FAILED}, {@link #CANCELLED} or {@link #REMOVED}
 * @param step   where the body was: before the first barrier, at or after a barrier
 * @param error  what it threw, or null
 */
public record NodeOutcome(byte status, String step, Throwable error) {

    /** The body returned. */
    public static final byte PASSED = NodeControl.PASSED;
    /** The body threw. */
    public static final byte FAILED = NodeControl.FAILED;
    /** The body was stopped because the run was aborted. */
    public static final byte CANCELLED = NodeControl.CANCELLED;
    /** The node was killed or shut down by a fault. */
    public static final byte REMOVED = NodeControl.REMOVED;

    static NodeOutcome passed(String step) {
        return new NodeOutcome(PASSED, step, null);
    }

    static NodeOutcome failed(String step, Throwable error) {
        return new NodeOutcome(FAILED, step, error);
    }

    static NodeOutcome removed(String step) {
        return new NodeOutcome(REMOVED, step, null);
    }

    static NodeOutcome cancelled(String step, Throwable error) {
        return new NodeOutcome(CANCELLED, step, error);
    }
}
