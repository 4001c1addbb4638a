package dev.multinode.bench;

import java.util.List;
import java.util.stream.IntStream;

/** Role names for runs of many nodes. */
final class Roles {

    private Roles() {
    }

    /**
     * @param nodes how many, 1 or more
     * @return {@code node-1} to {@code node-<nodes>}
     * @throws IllegalArgumentException if {@code nodes} is below 1
     */
    static List<String> numbered(int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("A run needs 1 or more nodes, got " + nodes);
        }
        return IntStream.rangeClosed(1, nodes).mapToObj(i -> "node-" + i).toList();
    }
}
