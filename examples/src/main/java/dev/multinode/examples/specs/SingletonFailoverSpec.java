package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.ProbeRef;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.singleton.Singleton;
import dev.multinode.examples.cluster.singleton.SingletonContext;
import dev.multinode.examples.cluster.singleton.SingletonProxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Singleton failover: the singleton runs on node-a, the oldest; node-a is killed; it restarts on
 * node-b, the next-oldest, and a proxy on node-c reaches it. Every instance reports its start and
 * stop to node-c, which checks that no second instance started while the first one lived.
 */
public final class SingletonFailoverSpec {

    private static final Duration ASK = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SingletonFailoverSpec() {
    }

    /**
     * @param spec a spec of the roles node-a, node-b, node-c
     */
    public static void run(SpecBuilder spec) {
        spec.run(node -> {
            MultiNodeProbe lifecycle = node.probe("lifecycle");
            ProbeRef witness = node.probeRef("node-c", "lifecycle");
            ExampleCluster cluster = ExampleCluster.start(node);
            cluster.singletons().start("counter", context -> reporting(node, witness, context));
            cluster.membership().when(view -> view.upMembers().size() == 3).get(20, TimeUnit.SECONDS);
            node.enterBarrier("cluster-up");
            node.runOn("node-c", () -> {
                SingletonProxy proxy = cluster.singletons().proxy("counter");
                Await.awaitAssert(() -> expectHome(proxy, "node-a"), WAIT);
                lifecycle.expectMessage("started@node-a", WAIT);
                lifecycle.expectNoMessage(Duration.ofMillis(200));
                node.faults().kill("node-a");
                Await.awaitAssert(() -> expectHome(proxy, "node-b"), WAIT);
                // the only event after the kill is node-b's start: no second instance ever ran beside another
                lifecycle.expectMessage("started@node-b", WAIT);
                lifecycle.expectNoMessage(Duration.ofMillis(500));
            });
            node.runOn("node-a", () -> new CountDownLatch(1).await()); // until the kill
            node.enterBarrier("failed-over");
        });
    }

    private static Singleton reporting(Node node, ProbeRef witness, SingletonContext context) {
        node.tell(witness, "started@" + context.host());
        return new Singleton() {
            @Override
            public String onMessage(String message) {
                return context.host();
            }

            @Override
            public void onStop() {
                node.tell(witness, "stopped@" + context.host());
            }
        };
    }

    private static void expectHome(SingletonProxy proxy, String expected) throws Exception {
        String home = proxy.whereIs(ASK).get(ASK.toMillis() * 2, TimeUnit.MILLISECONDS);
        if (!expected.equals(home)) {
            throw new AssertionError("the singleton runs on " + home + ", expected " + expected);
        }
    }
}
