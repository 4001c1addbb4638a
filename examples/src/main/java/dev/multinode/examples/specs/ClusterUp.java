package dev.multinode.examples.specs;

import dev.multinode.Node;
import dev.multinode.examples.cluster.ExampleCluster;
import java.util.concurrent.TimeUnit;

/** Starts the example cluster on a node and waits until every role is up. */
final class ClusterUp {

    private static final long JOIN_SECONDS = 20;

    private ClusterUp() {
    }

    static ExampleCluster start(Node node) throws Exception {
        ExampleCluster cluster = ExampleCluster.start(node);
        cluster.membership().when(view -> view.upMembers().size() == node.roles().size()).get(JOIN_SECONDS, TimeUnit.SECONDS);
        node.enterBarrier("cluster-up");
        return cluster;
    }
}
