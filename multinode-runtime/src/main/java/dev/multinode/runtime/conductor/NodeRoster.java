package dev.multinode.runtime.conductor;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The conductor's records of the nodes, in role order, and how to reach them. */
final class NodeRoster {

    private final Endpoint endpoint;
    private final List<NodeState> nodes = new ArrayList<>();

    NodeRoster(Endpoint endpoint, List<String> roles) {
        this.endpoint = endpoint;
        for (int i = 0; i < roles.size(); i++) {
            nodes.add(new NodeState(roles.get(i), i + 1));
        }
    }

    /** @return every node, in role order */
    List<NodeState> all() {
        return nodes;
    }

    /** @return the node of a participant index, or null if no node has it */
    NodeState byParticipant(int participant) {
        return participant < 1 || participant > nodes.size() ? null : nodes.get(participant - 1);
    }

    NodeState byRole(String role) {
        for (NodeState node : nodes) {
            if (node.role.equals(role)) {
                return node;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + role + "'");
    }

    /** @return whether no body will run any further */
    boolean allDone() {
        for (NodeState node : nodes) {
            if (!node.phase.isDone()) {
                return false;
            }
        }
        return true;
    }

    /** @return the nodes whose body has not ended */
    List<NodeState> running() {
        return nodes.stream().filter(n -> !n.phase.isDone()).toList();
    }

    /** Sends to every node that may still be reachable. */
    void broadcast(int type, ByteBuffer payload) {
        for (NodeState node : nodes) {
            if (node.phase != Phase.KILLED && node.phase != Phase.DIED) {
                send(node, type, payload);
            }
        }
    }

    /** A node that just died may be unreachable; that must not stop the conductor. */
    void send(NodeState node, int type, ByteBuffer payload) {
        try {
            endpoint.send(node.participant, type, payload);
        } catch (IllegalStateException e) {
            // a lost control frame can stall the run: say so where the run's output shows it
            ConductorLog.LOG.warn("The conductor could not send a frame of type {} to {}: {}", type, node.role, e.getMessage());
        }
    }
}
