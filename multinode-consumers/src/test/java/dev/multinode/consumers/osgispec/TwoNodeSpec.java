package dev.multinode.consumers.osgispec;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A spec as an OSGi user's test bundle holds it: two nodes, a barrier and a probe message, run in
 * thread mode over the transport given. The test framework outside OSGi calls it through
 * {@link Consumer} (a java.* type, the same class on both sides); its body's class is this
 * bundle's, so the runtime deserializes every node's copy through this bundle's class loader.
 */
public final class TwoNodeSpec implements Consumer<String> {

    /**
     * @param transport the transport's name
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    @Override
    public void accept(String transport) {
        MultiNode.spec("node-a", "node-b").transport(transport).launch(LaunchMode.THREAD)
                .timeout(Duration.ofSeconds(30)).barrierTimeout(Duration.ofSeconds(10))
                .run(node -> {
                    MultiNodeProbe inbox = node.probe("inbox");
                    node.enterBarrier("probes-ready");
                    node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), "hello"));
                    node.runOn("node-b", () -> inbox.expectMessage("hello", Duration.ofSeconds(5)));
                    node.enterBarrier("done");
                });
    }
}
