package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FaultKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault applications each node has in force, in the order they were sent, so that a restarted
 * node's new incarnation starts with the faults its role had: a restart happens on the same
 * network and the same host. Link faults go at a heal; a peer's departure goes when the peer is
 * back; clock faults stay.
 */
final class FaultMemory {

    /** One application, as it was sent. */
    record Remembered(FaultKind kind, int peer, Direction direction, long nanos, double probability) {

        boolean isLinkFault() {
            return switch (kind) {
                case BLACKHOLE, PASS_THROUGH, DELAY, DROP, BANDWIDTH, PEER_BLACKHOLE, PEER_PASS_THROUGH, PEER_DELAY,
                        PEER_BANDWIDTH -> true;
                default -> false;
            };
        }
    }

    private final List<List<Remembered>> byNode = new ArrayList<>();

    FaultMemory(int nodes) {
        for (int i = 0; i < nodes; i++) {
            byNode.add(new ArrayList<>());
        }
    }

    void applied(NodeState target, FaultKind kind, int peer, Direction direction, long nanos, double probability) {
        List<Remembered> faults = byNode.get(target.participant - 1);
        switch (kind) {
            case BLACKHOLE, PASS_THROUGH, DELAY, DROP, BANDWIDTH, PEER_BLACKHOLE, PEER_PASS_THROUGH, PEER_DELAY,
                    PEER_BANDWIDTH, SKEW_CLOCK, DRIFT_CLOCK, PEER_GONE ->
                    faults.add(new Remembered(kind, peer, direction, nanos, probability));
            case HEAL -> faults.removeIf(Remembered::isLinkFault);
            case PEER_BACK -> faults.removeIf(fault -> fault.kind() == FaultKind.PEER_GONE && fault.peer() == peer);
            case KILL, SHUTDOWN, RESTART, PAUSE, RESUME, PARTITION, DISCONNECT, PEER_DISCONNECT -> {
                // the node's own state or a moment, not a condition its next incarnation inherits
            }
        }
    }

    /** @return what a new incarnation of {@code node} must have applied before its body starts */
    List<Remembered> of(NodeState node) {
        return List.copyOf(byNode.get(node.participant - 1));
    }
}
