package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.ProbeRef;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.singleton.SingletonProxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Singleton failover: the nodes join one by one, each declaring the singleton "counter"; it runs on
 * node-a, the oldest; node-a is killed; it restarts on node-b, the next-oldest, and a proxy on node-c
 * reaches it there.
 * Every instance reports its start and stop to a probe on node-c, whose {@link InstanceLedger}
 * fails the spec if an instance ever starts while another runs.
 */
public final class SingletonFailoverSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String NAME = "counter";
    private static final String WITNESS = "node-c";
    private static final Set<String> SURVIVORS = Set.of("node-b", "node-c");
    /**
     * One attempt of the retried where-is: the first one after the kill may go to node-a before the
     * others notice it is gone and is lost, so an attempt gives up soon and the next one asks anew.
     */
    private static final Duration ASK = Duration.ofMillis(250);
    /** Failure detection, removal and the restart take about a second with the spec's settings. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough for a second instance's start to be reported over any transport. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private SingletonFailoverSpec() {
    }

    /** Runs the spec with the settings of the {@code multinode.*} system properties. */
    public static void run() {
        run(UnaryOperator.identity());
    }

    /**
     * Runs the spec.
     *
     * @param options sets options (transport, launch, name, ...) on the spec of {@link #ROLES}
     * @throws dev.multinode.MultiNodeFailure if a node fails
     */
    public static void run(UnaryOperator<SpecBuilder> options) {
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(SingletonFailoverSpec::body);
    }

    /**
     * The script every node runs: {@link #run} runs it, and so does its test, as a JUnit
     * {@code @MultiNodeTest} over every transport.
     *
     * @param node this node
     * @throws Exception if this node's part of the spec fails
     */
    public static void body(Node node) throws Exception {
        MultiNodeProbe lifecycle = node.probe("lifecycle");
        ProbeRef witness = node.probeRef(WITNESS, "lifecycle");
        // one by one, so that node-b is the next-oldest after node-a
        ExampleCluster cluster = ClusterUp.startOneByOne(node,
                started -> started.singletons().start(NAME, context -> ReportingSingleton.start(node, witness, context)));
        SingletonProxy proxy = cluster.singletons().proxy(NAME);
        InstanceLedger ledger = new InstanceLedger(); // kept by the witness

        node.runOn(WITNESS, () -> {
            Await.awaitAssert(() -> expectHome(proxy, "node-a"), WAIT);
            ledger.record(lifecycle.expectMessage(String.class, WAIT));
            lifecycle.expectNoMessage(QUIET);
            expectRunning(ledger, "node-a", 1);
        });
        node.enterBarrier("proxy-reached-node-a");
        expectRunningHere(node, cluster, "node-a");
        node.enterBarrier("singleton-on-node-a");

        node.runOn(WITNESS, () -> {
            node.faults().kill("node-a");
            ledger.died("node-a");
        });
        node.runOn("node-a", () -> Victim.awaitKill(node));
        node.enterBarrier("node-a-killed");

        node.runOn(WITNESS, () -> {
            Await.awaitAssert(() -> expectHome(proxy, "node-b"), WAIT);
            ledger.record(lifecycle.expectMessage(String.class, WAIT));
            lifecycle.expectNoMessage(QUIET);
            expectRunning(ledger, "node-b", 2);
        });
        node.enterBarrier("proxy-reached-node-b");
        node.runOn(SURVIVORS, () -> expectRunningHere(node, cluster, "node-b"));
        node.enterBarrier("singleton-on-node-b");
    }

    private static void expectHome(SingletonProxy proxy, String expected) throws Exception {
        String home = Await.result(proxy.whereIs(ASK), ASK.multipliedBy(2));
        if (!expected.equals(home)) {
            throw new AssertionError("the proxy on " + WITNESS + " reached " + NAME + " on " + home + ", expected "
                    + expected);
        }
    }

    private static void expectRunning(InstanceLedger ledger, String host, int starts) {
        if (!ledger.running().equals(Set.of(host)) || ledger.starts() != starts) {
            throw new AssertionError("expected " + starts + " starts and one instance, on " + host + "; events: "
                    + ledger.history());
        }
    }

    private static void expectRunningHere(Node node, ExampleCluster cluster, String host) {
        boolean expected = node.role().equals(host);
        if (cluster.singletons().isRunningHere(NAME) != expected) {
            throw new AssertionError(NAME + (expected ? " does not run" : " runs") + " on " + node.role()
                    + ", expected it on " + host + " only");
        }
    }
}
