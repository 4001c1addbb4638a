package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.Direction;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.ProbeRef;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.singleton.SingletonProxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * A paused oldest node: the nodes join one by one, each declaring the singleton "counter", which runs
 * on node-a, the oldest. node-c pauses node-a; node-b and node-c find it unreachable, down and remove
 * it, and the singleton starts on node-b. Then node-c cuts node-a off from the others' news and
 * resumes it: node-a still believes it is the oldest, yet its instance stops by itself, because its
 * lease expired while it was frozen and nobody renews it, and the message node-a's own body sends it
 * at once is never handled there. Once node-c lets node-a hear the others again, node-a learns it
 * was removed and stops taking part: the cluster converges on node-b and node-c with the singleton on
 * node-b.
 *
 * <p>Every instance reports its start, each message it handles and its stop to a probe on node-c,
 * whose {@link InstanceLedger} fails the spec if two instances ever act at once. Without the lease,
 * node-a's instance would answer that message before node-a could learn anything, and the ledger
 * would fail: cutting node-a off until its instance stopped is what makes that outcome certain,
 * rather than a race between its message and the news.
 */
public final class PausedOldestSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String NAME = "counter";
    private static final String OLDEST = "node-a";
    private static final String SUCCESSOR = "node-b";
    private static final String WITNESS = "node-c";
    private static final Set<String> SURVIVORS = Set.of(SUCCESSOR, WITNESS);
    private static final Duration ASK = Duration.ofSeconds(2);
    /** Failure detection and removal take about a second with the spec's settings. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private PausedOldestSpec() {
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
        // the survivors go on while node-a is frozen; node-a passes their barriers once it runs again
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new)).barriersSkipPausedNodes()).run(PausedOldestSpec::body);
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
        ExampleCluster cluster = ClusterUp.startOneByOne(node,
                started -> started.singletons().start(NAME, context -> ReportingSingleton.start(node, witness, context)));
        SingletonProxy proxy = cluster.singletons().proxy(NAME);
        InstanceLedger ledger = new InstanceLedger(); // kept by the witness

        node.runOn(WITNESS, () -> {
            Await.awaitAssert(() -> expectAnswer(proxy, OLDEST), WAIT);
            hear(ledger, lifecycle, "started@" + OLDEST, "acted@" + OLDEST);
        });
        node.enterBarrier("singleton-on-node-a");

        node.runOn(WITNESS, () -> {
            node.faults().pause(OLDEST);
            ledger.paused(OLDEST);
        });
        node.enterBarrier("node-a-paused");

        node.runOn(SURVIVORS, () -> ClusterUp.awaitView(node, cluster, OLDEST + " removed, two up",
                view -> view.hasStatus(OLDEST, MemberStatus.REMOVED) && view.upMembers().size() == 2, WAIT));
        node.runOn(WITNESS, () -> {
            Await.awaitAssert(() -> expectAnswer(proxy, SUCCESSOR), WAIT);
            hear(ledger, lifecycle, "started@" + SUCCESSOR, "acted@" + SUCCESSOR);
        });
        node.enterBarrier("singleton-on-node-b");

        node.runOn(WITNESS, () -> {
            // applied at the survivors' ends (node-a is frozen): node-a hears nothing, the witness hears it
            node.faults().blackhole(SUCCESSOR, OLDEST, Direction.BOTH);
            node.faults().blackhole(WITNESS, OLDEST, Direction.SEND);
            node.faults().resume(OLDEST);
            ledger.resumed(OLDEST);
            hear(ledger, lifecycle, "stopped@" + OLDEST);
            node.faults().heal();
        });
        node.runOn(OLDEST, () -> {
            // here only after the resume: the barriers since the pause passed without node-a
            expectNotAMember(proxy);
            ClusterUp.awaitView(node, cluster, "itself removed",
                    view -> view.hasStatus(OLDEST, MemberStatus.REMOVED), WAIT);
            if (cluster.membership().isActive() || cluster.singletons().isRunningHere(NAME)) {
                throw new AssertionError(OLDEST + " knows it was removed but still takes part or runs " + NAME);
            }
        });
        node.enterBarrier("node-a-out");

        node.runOn(WITNESS, () -> {
            expectAnswer(proxy, SUCCESSOR);
            hear(ledger, lifecycle, "acted@" + SUCCESSOR);
            if (!ledger.running().equals(Set.of(SUCCESSOR)) || ledger.starts() != 2) {
                throw new AssertionError("expected 2 starts and one instance, on " + SUCCESSOR + "; events: "
                        + ledger.history());
            }
        });
        node.runOn(SURVIVORS, () -> {
            if (cluster.singletons().isRunningHere(NAME) != node.role().equals(SUCCESSOR)) {
                throw new AssertionError(NAME + " should run on " + SUCCESSOR + " only; on " + node.role() + " it "
                        + (cluster.singletons().isRunningHere(NAME) ? "runs" : "does not run"));
            }
        });
        node.enterBarrier("converged");
    }

    private static void expectAnswer(SingletonProxy proxy, String host) throws Exception {
        String answer = Await.result(proxy.ask("count", ASK), ASK.multipliedBy(2));
        if (!host.equals(answer)) {
            throw new AssertionError("the proxy on " + WITNESS + " reached " + NAME + " on " + answer + ", expected "
                    + host);
        }
    }

    /** node-a's message waits, unhandled, for a host with a lease, and fails once node-a knows it is out. */
    private static void expectNotAMember(SingletonProxy proxy) throws Exception {
        try {
            String answer = Await.result(proxy.ask("count", WAIT), WAIT.multipliedBy(2));
            throw new AssertionError("the message " + OLDEST + " sent after its resume was answered from " + answer
                    + "; it should have failed, " + OLDEST + " being out of the cluster");
        } catch (ExecutionException e) {
            String expected = OLDEST + " is not a member of the cluster any more";
            if (!expected.equals(e.getCause().getMessage())) {
                throw new AssertionError("the message " + OLDEST + " sent after its resume failed with '"
                        + e.getCause().getMessage() + "', expected '" + expected + "'", e.getCause());
            }
        }
    }

    /**
     * Records the lifecycle events as they arrive until each expected one came, so the ledger judges
     * every event, expected or not.
     */
    private static void hear(InstanceLedger ledger, MultiNodeProbe lifecycle, String... expected) {
        for (String event : expected) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            String heard;
            do {
                try {
                    heard = lifecycle.expectMessage(String.class,
                            Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (AssertionError e) {
                    throw new AssertionError(WITNESS + " waited " + WAIT.toSeconds() + " s for " + event
                            + "; events so far " + ledger.history(), e);
                }
                ledger.record(heard);
            } while (!heard.equals(event));
        }
    }
}
