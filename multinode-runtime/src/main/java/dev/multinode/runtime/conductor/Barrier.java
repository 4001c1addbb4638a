package dev.multinode.runtime.conductor;

import java.util.ArrayList;
import java.util.List;

/** The barrier the nodes are currently gathering at, and who arrived. */
final class Barrier {

    final String name;
    private final boolean[] arrived;

    Barrier(String name, int nodeCount) {
        this.name = name;
        this.arrived = new boolean[nodeCount];
    }

    void arrive(NodeState node) {
        arrived[node.participant - 1] = true;
    }

    /** A node killed for a restart: its next incarnation has to enter again. */
    void leave(NodeState node) {
        arrived[node.participant - 1] = false;
    }

    boolean hasArrived(NodeState node) {
        return arrived[node.participant - 1];
    }

    List<String> arrivedRoles(List<NodeState> nodes) {
        List<String> roles = new ArrayList<>();
        for (NodeState node : nodes) {
            if (hasArrived(node)) {
                roles.add(node.role);
            }
        }
        return roles;
    }
}
