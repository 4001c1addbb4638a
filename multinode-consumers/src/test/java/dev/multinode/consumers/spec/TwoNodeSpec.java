package dev.multinode.consumers.spec;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A spec as a user's test holds it: two nodes, a barrier and a probe message, in the mode its
 * argument names ({@code transport/launch}, such as {@code tcp/thread}). It needs the API alone:
 * the OSGi test packs this package into a test bundle and calls it through {@link Consumer} (a
 * java.* type, the same class inside and outside the framework); the consumer module compiles it
 * into a module that requires {@code dev.multinode.api} only. Either way its body's class is the
 * user's, so the runtime deserializes every node's copy through the user's class loader.
 */
public final class TwoNodeSpec implements Consumer<String> {

    /**
     * @param mode {@code transport/launch}
     * @throws IllegalArgumentException if {@code mode} is not of that form
     * @throws dev.multinode.MultiNodeFailure if the run fails
     */
    @Override
    public void accept(String mode) {
        String[] transportAndLaunch = mode.split("/");
        if (transportAndLaunch.length != 2) {
            throw new IllegalArgumentException("Expected transport/launch, such as inproc/thread, but got '" + mode + "'");
        }
        MultiNode.spec("node-a", "node-b").transport(transportAndLaunch[0])
                .launch(LaunchMode.valueOf(transportAndLaunch[1].toUpperCase(Locale.ROOT)))
                .timeout(Duration.ofSeconds(60)).barrierTimeout(Duration.ofSeconds(30))
                .run(node -> {
                    MultiNodeProbe inbox = node.probe("inbox");
                    node.enterBarrier("probes-ready");
                    node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), "hello"));
                    node.runOn("node-b", () -> inbox.expectMessage("hello", Duration.ofSeconds(10)));
                    node.enterBarrier("done");
                });
    }
}
