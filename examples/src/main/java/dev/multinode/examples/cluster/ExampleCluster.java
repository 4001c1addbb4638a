package dev.multinode.examples.cluster;

import dev.multinode.Node;
import dev.multinode.StopReason;
import dev.multinode.examples.cluster.failure.FailureDetector;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.ClusterNetwork;
import dev.multinode.examples.cluster.net.Messaging;
import dev.multinode.examples.cluster.net.NodeNetwork;
import dev.multinode.examples.cluster.pubsub.PubSub;
import dev.multinode.examples.cluster.routing.Requests;
import dev.multinode.examples.cluster.sharding.Sharding;
import dev.multinode.examples.cluster.singleton.Singletons;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cluster on one node: membership, failure detection, sharding, pub-sub and singletons, wired
 * over the node's messaging. In a spec:
 *
 * <pre>{@code
 * ExampleCluster cluster = ExampleCluster.start(node);
 * cluster.membership().when(v -> v.upMembers().size() == 3).get(10, SECONDS);
 * node.enterBarrier("cluster-up");
 * }</pre>
 */
public final class ExampleCluster implements AutoCloseable {

    private final Messaging messaging;
    private final Membership membership;
    private final FailureDetector failureDetector;
    private final Requests requests;
    private final Sharding sharding;
    private final PubSub pubSub;
    private final Singletons singletons;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ExampleCluster(ClusterNetwork network, ClusterSettings settings) {
        String seed = settings.seed() == null ? network.roles().get(0) : settings.seed();
        if (!network.roles().contains(seed)) {
            throw new IllegalArgumentException("seed " + seed + " is not one of the roles " + network.roles());
        }
        messaging = new Messaging(network, ClusterProtocol.codec());
        membership = new Membership(messaging, seed, settings.gossipInterval());
        failureDetector = new FailureDetector(messaging, membership, settings.heartbeatInterval(),
                settings.unreachableAfter(), settings.downAfter());
        requests = new Requests(messaging);
        sharding = new Sharding(messaging, membership, requests, settings.numberOfShards(), settings.bufferSize(),
                settings.retryInterval(), settings.entityFactory());
        pubSub = new PubSub(messaging, membership, settings.retryInterval());
        singletons = new Singletons(messaging, membership, requests, settings.bufferSize(), settings.leaseDuration());
    }

    /**
     * Starts the cluster on a multinode node with the {@linkplain ClusterSettings#defaults() default
     * settings}; it stops when the node stops.
     *
     * @param node the node
     * @return the cluster on that node
     */
    public static ExampleCluster start(Node node) {
        return start(node, ClusterSettings.defaults());
    }

    /**
     * Starts the cluster on a multinode node; it stops when the node stops: abruptly when the node is
     * killed ({@link #halt()}), else gracefully ({@link #close()}).
     *
     * @param node     the node
     * @param settings the cluster's settings, the same on every node
     * @return the cluster on that node
     */
    public static ExampleCluster start(Node node, ClusterSettings settings) {
        return node.closeOnStop(start(new NodeNetwork(node), settings),
                (cluster, reason) -> {
                    if (reason == StopReason.KILLED) {
                        cluster.halt();
                    } else {
                        cluster.close();
                    }
                });
    }

    /**
     * Starts the cluster on any network, e.g. an in-memory one in unit tests.
     *
     * @param network  the network
     * @param settings the cluster's settings, the same on every node
     * @return the cluster on that network's node
     * @throws IllegalArgumentException if the seed is not one of the network's roles
     */
    public static ExampleCluster start(ClusterNetwork network, ClusterSettings settings) {
        ExampleCluster cluster = new ExampleCluster(network, settings);
        cluster.messaging.start();
        network.scheduler().execute(() -> {
            cluster.membership.start();
            cluster.failureDetector.start();
            cluster.sharding.start();
            cluster.pubSub.start();
        });
        return cluster;
    }

    /** @return this node's role */
    public String self() {
        return messaging.self();
    }

    /** @return membership: the view, its changes, conditions to wait for */
    public Membership membership() {
        return membership;
    }

    /** @return sharding: send to entities by id */
    public Sharding sharding() {
        return sharding;
    }

    /** @return pub-sub: subscribe, publish */
    public PubSub pubSub() {
        return pubSub;
    }

    /** @return singletons: declare them, reach them through proxies */
    public Singletons singletons() {
        return singletons;
    }

    /** @return how many received frames were dropped because they did not decode */
    public long droppedFrames() {
        return messaging.droppedFrames();
    }

    /**
     * Leaves the cluster and stops: singletons and entities stop here, pending futures fail, and the
     * other members hear at once that this node is down, so hand-over does not wait for the failure
     * detector. Returns once done, or after a bounded wait. Closing again does nothing.
     */
    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops as a crashed process would: no leave, so the others find out through their failure
     * detectors, and nothing given back (the singleton lease expires on its own). Returns once done,
     * or after a bounded wait; stopping again does nothing.
     */
    public void halt() {
        stop(false);
    }

    private void stop(boolean graceful) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        messaging.scheduler().shutdown(() -> {
            if (graceful) {
                singletons.stop();
            }
            sharding.stop();
            pubSub.stop();
            requests.stop();
            failureDetector.stop();
            if (graceful) {
                membership.leave();
            }
            membership.stop();
        });
    }
}
