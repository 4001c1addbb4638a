package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.PhaseRecord;
import dev.multinode.runtime.conductor.RootCause;
import java.util.List;

/** How the barriers of a run fared, as the report tells it. */
final class Barriers {

    /** How a barrier fared. */
    enum State {
        /** It released its nodes. */
        PASSED("passed"),
        /** The run failed at it: it timed out, or its nodes disagreed. */
        FAILED("failed"),
        /** It was still open when the run was aborted for another reason. */
        NOT_PASSED("not passed");

        private final String word;

        State(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    private Barriers() {
    }

    /**
     * @param run   the run
     * @param phase the index of a phase that ends at a barrier
     * @return how its barrier fared; only the last phase's barrier can have stayed open
     */
    static State state(RunRecord run, int phase) {
        List<PhaseRecord> phases = run.result().phases();
        if (phase < phases.size() - 1) {
            return State.PASSED;
        }
        RootCause root = run.result().rootCause();
        String barrier = phases.get(phase).barrier();
        return root != null && ("barrier '" + barrier + "'").equals(root.where()) ? State.FAILED : State.NOT_PASSED;
    }
}
