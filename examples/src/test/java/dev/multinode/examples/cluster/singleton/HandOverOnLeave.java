package dev.multinode.examples.cluster.singleton;

import dev.multinode.Node;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.MemberStatus;

/**
 * A singleton host with a planted ordering bug, for tests only: it shows what the simulation finds
 * and the real transports miss. Nothing in the cluster uses it.
 *
 * <p>It hosts a singleton the way the cluster hosts its shard coordinator (a {@link SingletonManager}
 * fed every view change, no lease), with one shortcut an engineer could well have taken to make a
 * graceful hand-over fast: a member that is down no longer counts, so when the oldest member leaves,
 * the next oldest starts the instance the moment it hears of the leave, instead of waiting for the
 * leader to remove the old host and for a lease. The reasoning behind it: a leaving node stops its
 * instance before it tells anyone it is down (the stop runs inside the leave), so whoever hears of
 * the leave may start.
 *
 * <p>What that misses: the old instance's last messages precede the leave only on the old host's own
 * links. The new instance's first message to a third node travels on another link, and can overtake
 * the old instance's last message to that node. That node (a store the singleton writes to; in the
 * spec, the witness's ledger) then sees the new instance start while the old one has not stopped:
 * two instances at once, the old one's last writes landing after the new one's first. The successor
 * waited for nothing that passed through that node. (Worse, a member declared down by the failure
 * detector may still be running; the spec does not go there.)
 *
 * <p>{@link Singletons} does not let this happen. The successor starts only once a majority of the
 * roles granted it the lease, and a role that promised the lease to the old host grants it to
 * another only once its promise ran out or it heard the old host give the lease back, which the old
 * host does after its instance stopped: on each link, after the instance's last messages. In a
 * cluster of three, once the oldest left, the successor's majority is itself and the third node, so
 * the third node has heard the old instance stop before it lets the new one start.
 *
 * <p>The crossing needs the path old host, successor, third node to be faster than the direct link
 * from the old host to the third node. The in-process transport never delivers that way: each node
 * reads all its frames from one ring in the order they were written, and the old instance's last
 * message is written before the leave. Over a network the links are separate connections; in the
 * simulation each frame draws its own latency, and about one seed in eight crosses.
 */
public final class HandOverOnLeave {

    private HandOverOnLeave() {
    }

    /**
     * Hosts a singleton on this node whenever this node is the oldest member that is not down. Call
     * it on every node, before the node joins.
     *
     * @param node    the node, whose log the manager writes to
     * @param cluster the cluster on it
     * @param name    the singleton's name
     * @param factory creates the instance each time it starts here
     */
    public static void host(Node node, ExampleCluster cluster, String name, SingletonFactory factory) {
        SingletonManager manager = new SingletonManager(name, cluster.self(),
                new SingletonInstance(new SingletonContext(name, cluster.self()), factory), node.log());
        cluster.membership().addListener((previous, current) -> manager.onView(withoutDownMembers(current)));
    }

    /** The planted shortcut: a member that is down (it left, or was declared dead) has no say in where singletons run. */
    private static ClusterView withoutDownMembers(ClusterView view) {
        return ClusterView.of(view.members().stream().filter(m -> m.status() != MemberStatus.DOWN).toList());
    }
}
