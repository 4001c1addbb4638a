package dev.multinode.examples.specs;

import dev.multinode.Node;
import dev.multinode.junit.MultiNodeTest;
import dev.multinode.junit.Transports;

/**
 * {@link ZooKeeperPartitionSpec} over every transport, each in its default launch mode, one result
 * each ({@code [inproc/thread]}, {@code [chronicle/process]}, {@code [tcp/process]}). The roles are
 * those {@link ZooKeeperPartitionSpec#run} gives its spec.
 */
class ZooKeeperPartitionSpecTest {

    @MultiNodeTest(roles = {"node-a", "node-b", "node-c"})
    @Transports({"inproc", "chronicle", "tcp"})
    void aPartitionedLeaderIsReplacedRefusesWritesAndRejoinsAsAFollower(Node node) throws Exception {
        ZooKeeperPartitionSpec.body(node);
    }
}
