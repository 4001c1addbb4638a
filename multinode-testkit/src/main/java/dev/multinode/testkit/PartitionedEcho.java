package dev.multinode.testkit;

import dev.multinode.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The relay suite's partition script, for three nodes each serving an {@link EchoSystem}: every node
 * connects to every other, node-a is partitioned from node-b and node-c, the crossing connections
 * deliver nothing while the others go on, and after the heal what was held arrives in order.
 */
final class PartitionedEcho {

    private PartitionedEcho() {
    }

    /**
     * @param node      the node
     * @param addressOf where this node's system connects to another node's echo endpoint
     * @throws IOException if a connection fails
     */
    static void run(Node node, Function<String, InetSocketAddress> addressOf) throws Exception {
        List<String> others = node.roles().stream().filter(role -> !node.isRole(role)).toList();
        EchoConnection[] connections = new EchoConnection[others.size()];
        for (int i = 0; i < others.size(); i++) {
            connections[i] = node.closeOnStop(EchoConnection.open(addressOf.apply(others.get(i)),
                    node.role() + " to " + others.get(i)));
            connections[i].send("hello");
            connections[i].expectLine("hello from " + others.get(i));
        }
        node.enterBarrier("connected");
        node.runOn("node-c", () -> node.faults().partition(Set.of("node-a"), Set.of("node-b", "node-c")));
        node.enterBarrier("partitioned");
        for (int i = 0; i < others.size(); i++) {
            connections[i].send("first");
            connections[i].send("second");
            if (crosses(node, others.get(i))) {
                connections[i].expectNothing();
            } else {
                connections[i].expectLine("first from " + others.get(i));
                connections[i].expectLine("second from " + others.get(i));
            }
        }
        node.enterBarrier("checked");
        node.runOn("node-a", () -> node.faults().heal());
        node.enterBarrier("healed");
        for (int i = 0; i < others.size(); i++) {
            if (crosses(node, others.get(i))) {
                connections[i].expectLine("first from " + others.get(i));
                connections[i].expectLine("second from " + others.get(i));
            }
        }
        node.enterBarrier("done");
    }

    private static boolean crosses(Node node, String other) {
        return node.isRole("node-a") || other.equals("node-a");
    }
}
