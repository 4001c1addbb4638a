package dev.multinode.runtime.node;

import dev.multinode.RunAbortedException;

/**
 * How a body's end is reported. A failure outside the body (a frame handler threw) outweighs the
 * cancellation it caused; in an aborted run a body that ended because of the abort is cancelled by
 * the root cause, not a failure of its own; anything else the body threw is its failure.
 */
final class OutcomeRules {

    private OutcomeRules() {
    }

    /**
     * @param step       where the body was when it ended
     * @param thrown     what the body threw, or null
     * @param background the first failure outside the body, or null
     * @param aborted    whether the run was aborted
     * @return the outcome to report
     */
    static NodeOutcome judge(String step, Throwable thrown, Throwable background, boolean aborted) {
        if (thrown == null && background == null) {
            return NodeOutcome.passed(step);
        }
        if (background != null && (thrown == null || isCancellation(thrown))) {
            return NodeOutcome.failed(step, background);
        }
        return aborted && isCancellation(thrown) ? NodeOutcome.cancelled(step, thrown) : NodeOutcome.failed(step, thrown);
    }

    private static boolean isCancellation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RunAbortedException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
