package dev.multinode.runtime.conductor;

import java.util.List;

/**
 * What the conductor saw of a run.
 *
 * @param rootCause  the first failure, or null if the run passed
 * @param nodes      one report per role, in role order
 * @param phases     the phases between barriers, in order; the last one ends with the run (its barrier
 *                   is null) or with the barrier the run failed at
 * @param notStopped the roles whose body was still running when the grace after the abort was over
 */
public record ConductorResult(RootCause rootCause, List<NodeReport> nodes, List<PhaseRecord> phases,
                              List<String> notStopped) {

    /** Copies the lists. */
    public ConductorResult {
        nodes = List.copyOf(nodes);
        phases = List.copyOf(phases);
        notStopped = List.copyOf(notStopped);
    }

    /** @return whether every node passed or was removed on purpose */
    public boolean passed() {
        return rootCause == null;
    }
}
