package dev.multinode.runtime.node;

import dev.multinode.RunAbortedException;
import java.util.function.Predicate;

/**
 * How a body's end is reported. A failure outside the body (a frame handler threw) outweighs the
 * cancellation it caused; in an aborted run a body that ended because of the abort (interrupted,
 * a {@link RunAbortedException}, or the conductor's verdict on the barrier it waited at, which
 * the abort follows) is cancelled by the root cause, not a failure of its own; anything else the
 * body threw is its failure.
 */
final class OutcomeRules {

    private OutcomeRules() {
    }

    /**
     * @param step       where the body was when it ended
     * @param thrown     what the body threw, or null
     * @param background the first failure outside the body, or null
     * @param aborted    whether the run was aborted
     * @param verdict    tells whether a throwable is, or was caused by, the conductor's barrier verdict
     * @return the outcome to report
     */
    static NodeOutcome judge(String step, Throwable thrown, Throwable background, boolean aborted,
                             Predicate<Throwable> verdict) {
        if (thrown == null && background == null) {
            return NodeOutcome.passed(step);
        }
        boolean cancellation = thrown != null && (isCancellation(thrown) || verdict.test(thrown));
        if (background != null && (thrown == null || cancellation)) {
            return NodeOutcome.failed(step, background);
        }
        return aborted && cancellation ? NodeOutcome.cancelled(step, thrown) : NodeOutcome.failed(step, thrown);
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
