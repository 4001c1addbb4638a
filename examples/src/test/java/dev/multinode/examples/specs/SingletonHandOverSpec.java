package dev.multinode.examples.specs;

import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.ProbeRef;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.singleton.HandOverOnLeave;
import dev.multinode.examples.cluster.singleton.SingletonFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Graceful hand-over: the nodes join one by one, each hosting the singleton "counter"; it runs on
 * node-a, the oldest; node-a's cluster leaves gracefully, and the singleton starts on node-b, the
 * next oldest. Every instance reports its start and stop to a probe on node-c, whose
 * {@link InstanceLedger} fails the spec if, in the order node-c hears them, node-b's instance starts
 * before node-a's has stopped. The ledger stands for what the singleton writes to on another node:
 * the old instance's last write must land there before the new one's first.
 *
 * <p>{@link Hosting#LEASED} hosts the singleton with the cluster's own singletons, which pass;
 * {@link Hosting#ON_LEAVE} with {@link HandOverOnLeave}, whose planted bug fails the spec whenever
 * node-b's start report overtakes node-a's stop report on the way to node-c.
 */
final class SingletonHandOverSpec {

    /** How the nodes host the singleton. */
    enum Hosting {
        /** With {@link dev.multinode.examples.cluster.singleton.Singletons}: the new host waits for the lease. */
        LEASED {
            @Override
            void host(Node node, ExampleCluster cluster, SingletonFactory factory) {
                cluster.singletons().start(NAME, factory);
            }
        },
        /** With {@link HandOverOnLeave}: the new host starts when it hears the old one leave. */
        ON_LEAVE {
            @Override
            void host(Node node, ExampleCluster cluster, SingletonFactory factory) {
                HandOverOnLeave.host(node, cluster, NAME, factory);
            }
        };

        /** Declares the singleton on this node's cluster, before the node joins. */
        abstract void host(Node node, ExampleCluster cluster, SingletonFactory factory);
    }

    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String NAME = "counter";
    private static final String OLDEST = "node-a";
    private static final String SUCCESSOR = "node-b";
    private static final String WITNESS = "node-c";
    /** The lease's hand-over takes a gossip round and a renewal; this bound only matters when something is broken. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough for a stray start to be reported over any transport. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private SingletonHandOverSpec() {
    }

    /**
     * Runs the spec.
     *
     * @param hosting how the nodes host the singleton
     * @param options sets options (transport, seed, ...) on the spec of {@link #ROLES}
     * @throws dev.multinode.MultiNodeFailure if a node fails
     */
    static void run(Hosting hosting, UnaryOperator<SpecBuilder> options) {
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(node -> body(node, hosting));
    }

    private static void body(Node node, Hosting hosting) throws Exception {
        MultiNodeProbe lifecycle = node.probe("lifecycle");
        ProbeRef witness = node.probeRef(WITNESS, "lifecycle");
        SingletonFactory factory = context -> ReportingSingleton.start(node, witness, context);
        // one by one, so that node-b is the next oldest after node-a
        ExampleCluster cluster = ClusterUp.startOneByOne(node, started -> hosting.host(node, started, factory));
        InstanceLedger ledger = new InstanceLedger(); // kept by the witness

        node.runOn(WITNESS, () -> hear(ledger, lifecycle, "started@" + OLDEST));
        node.enterBarrier("singleton-on-node-a");

        node.runOn(OLDEST, cluster::close);
        node.runOn(WITNESS, () -> {
            hear(ledger, lifecycle, "stopped@" + OLDEST, "started@" + SUCCESSOR);
            lifecycle.expectNoMessage(QUIET);
            if (!ledger.running().equals(Set.of(SUCCESSOR)) || ledger.starts() != 2) {
                throw new AssertionError("expected 2 starts and one instance, on " + SUCCESSOR + "; events: "
                        + ledger.history());
            }
        });
        node.enterBarrier("singleton-on-node-b");
    }

    /** Records the lifecycle events as they arrive until each expected one came, so the ledger judges every event. */
    private static void hear(InstanceLedger ledger, MultiNodeProbe lifecycle, String... expected) {
        for (String event : expected) {
            String heard;
            do {
                heard = lifecycle.expectMessage(String.class, WAIT);
                ledger.record(heard);
            } while (!heard.equals(event));
        }
    }
}
