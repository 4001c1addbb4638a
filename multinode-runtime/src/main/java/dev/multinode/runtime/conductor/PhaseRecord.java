package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.PhaseTraffic;
import java.time.Instant;

/**
 * One phase of a run: from the previous barrier to this one, with the frames each node sent to each
 * other during it.
 *
 * @param barrier the barrier that ended the phase, or null for the phase after the last barrier
 * @param opened  when the first node arrived at the barrier (the run's end for the last phase)
 * @param passed  when the barrier released the nodes
 * @param traffic frames sent, indexed [from participant][to participant]; index 0 is the conductor
 * @param dropped frames faults dropped on each link, at the sender or the receiver, indexed the same way
 * @param relayedBytes the system's own bytes relays delivered on each link, indexed the same way
 * @param relayedConnections the system's own connections through relays, [opener][other], indexed the same way
 */
public record PhaseRecord(String barrier, Instant opened, Instant passed, long[][] traffic, long[][] dropped,
                          long[][] relayedBytes, long[][] relayedConnections) {

    static PhaseRecord of(String barrier, Instant opened, Instant passed, PhaseTraffic phase) {
        return new PhaseRecord(barrier, opened, passed, phase.sent(), phase.dropped(), phase.relayedBytes(),
                phase.relayedConnections());
    }
}
