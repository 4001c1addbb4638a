package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.PhaseTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames each node reported sending and losing, and its relayed bytes and connections, kept per
 * phase (from one barrier to the next) for the timeline. Nodes report their counters in every ENTER and DONE.
 */
final class TrafficLedger {

    private final int participants;
    private final List<PhaseRecord> phases = new ArrayList<>();
    private PhaseTraffic current;
    private Instant barrierOpened;

    /** @param participants the conductor and the nodes */
    TrafficLedger(int participants) {
        this.participants = participants;
        newPhase();
    }

    /** @return the current phase's link matrices, for a report to add to */
    PhaseTraffic current() {
        return current;
    }

    /** The first node arrived at the barrier that will end the phase. */
    void barrierOpened(Instant at) {
        barrierOpened = at;
    }

    /** The barrier released its nodes: the phase is over and the next begins. */
    void barrierPassed(String barrier, Instant at) {
        phases.add(PhaseRecord.of(barrier, barrierOpened, at, current));
        newPhase();
    }

    /**
     * The run is over: the last phase ends now, at the barrier still open or with the run.
     *
     * @param openBarrier the barrier nodes were gathering at, or null
     * @param end         the run's end
     * @return every phase, in order
     */
    List<PhaseRecord> close(String openBarrier, Instant end) {
        phases.add(PhaseRecord.of(openBarrier, openBarrier == null ? end : barrierOpened, end, current));
        return List.copyOf(phases);
    }

    private void newPhase() {
        current = new PhaseTraffic(participants);
    }
}
