package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.Node;
import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The first step of every example spec: the cluster starts on each node and every role is up. */
final class ClusterUp {

    /**
     * Heartbeat and gossip every 100 ms, unreachable after 500 ms of silence, down 500 ms later:
     * a killed node is gone in about a second, which keeps each spec within seconds.
     */
    static final ClusterSettings SETTINGS = ClusterSettings.defaults();

    /** Joining takes a few gossip rounds; this bound only matters when something is broken. */
    private static final Duration JOIN = Duration.ofSeconds(20);

    private ClusterUp() {
    }

    /**
     * Starts the cluster on every node at once, waits until this node sees every role up, then
     * enters the barrier {@code cluster-up}. Members' ages follow the order in which they happen to
     * join (node-a, the seed, is always the oldest).
     *
     * @param node the node
     * @return the cluster on this node
     * @throws Exception if the cluster does not form in time
     */
    static ExampleCluster start(Node node) throws Exception {
        return start(node, SETTINGS);
    }

    /**
     * Like {@link #start(Node)}, with other settings. A restarted node's body runs this again: its
     * new incarnation joins, waits until it sees every role up, and passes the barrier at once.
     *
     * @param node     the node
     * @param settings the settings, the same on every node
     * @return the cluster on this node
     * @throws Exception if the cluster does not form in time
     */
    static ExampleCluster start(Node node, ClusterSettings settings) throws Exception {
        ExampleCluster cluster = ExampleCluster.start(node, settings);
        awaitView(node, cluster, "every role up", view -> view.upMembers().size() == node.roles().size(), JOIN);
        node.enterBarrier("cluster-up");
        return cluster;
    }

    /**
     * Starts the cluster one node at a time in the order of the roles, each once the previous one is
     * up, so that the members' ages follow the roles: node-a is the oldest, node-b the next. Checks
     * that order once every role is up, then enters the barrier {@code cluster-up}.
     *
     * @param node  the node
     * @param early what to do on this node's cluster before it joins (declaring singletons, say)
     * @return the cluster on this node
     * @throws Exception if the cluster does not form in time
     */
    static ExampleCluster startOneByOne(Node node, Consumer<ExampleCluster> early) throws Exception {
        ExampleCluster cluster = null;
        for (String role : node.roles()) {
            if (role.equals(node.role())) {
                cluster = ExampleCluster.start(node, SETTINGS);
                early.accept(cluster);
                awaitView(node, cluster, role + " up", view -> view.hasStatus(role, MemberStatus.UP), JOIN);
            }
            node.enterBarrier(role + "-up");
        }
        List<String> roles = node.roles();
        ClusterView view = awaitView(node, cluster, "every role up", all -> all.upMembers().size() == roles.size(), JOIN);
        List<String> oldestFirst = view.upMembers().stream().map(Member::role).toList();
        if (!oldestFirst.equals(roles)) {
            throw new AssertionError("members joined one by one in the order " + roles + ", but their ages say "
                    + oldestFirst + " (oldest first)");
        }
        node.enterBarrier("cluster-up");
        return cluster;
    }

    /**
     * Waits until this node's view satisfies a condition.
     *
     * @param node      the node, for the failure message
     * @param cluster   the cluster on it
     * @param what      the condition in words, for the failure message
     * @param condition the condition
     * @param limit     how long to wait
     * @return the first view that satisfies it
     * @throws AssertionError naming the node, its incarnation, the condition and its view, if the
     *     limit passes first
     * @throws Exception if the cluster stopped or the wait was interrupted
     */
    static ClusterView awaitView(Node node, ExampleCluster cluster, String what, Predicate<ClusterView> condition,
                                 Duration limit) throws Exception {
        try {
            return Await.result(cluster.membership().when(condition), limit);
        } catch (TimeoutException e) {
            throw new AssertionError(node.role() + " (incarnation " + node.incarnation() + ") did not see " + what
                    + " within " + limit.toSeconds() + " s; its view: " + cluster.membership().view(), e);
        }
    }
}
