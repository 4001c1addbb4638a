package dev.multinode.runtime.conductor;

import java.util.ArrayList;
import java.util.List;

/** The barrier the nodes are currently gathering at. */
final class Barrier {

    final String name;
    final long openedNanos;
    long deadlineNanos;
    long timeoutMillis;
    private final boolean[] arrived;

    Barrier(String name, int nodeCount, long nowNanos, long timeoutMillis) {
        this.name = name;
        this.openedNanos = nowNanos;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = nowNanos + timeoutMillis * 1_000_000L;
        this.arrived = new boolean[nodeCount];
    }

    /** Records an arrival; the shortest timeout among the arrivals wins. */
    void arrive(int node, long nowNanos, long timeoutMillis) {
        arrived[node] = true;
        long deadline = nowNanos + timeoutMillis * 1_000_000L;
        if (deadline - deadlineNanos < 0) {
            deadlineNanos = deadline;
            this.timeoutMillis = timeoutMillis;
        }
    }

    boolean hasArrived(int node) {
        return arrived[node];
    }

    List<String> arrivedRoles(List<NodeState> nodes) {
        List<String> roles = new ArrayList<>();
        for (NodeState node : nodes) {
            if (arrived[node.participant - 1]) {
                roles.add(node.role);
            }
        }
        return roles;
    }
}
