package dev.multinode.consumer;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import java.time.Duration;
import java.util.Locale;

/** Runs a two-node spec in each mode its arguments name ({@code transport/launch}), and says so after each. */
public final class ConsumerMain {

    private ConsumerMain() {
    }

    /**
     * @param modes such as {@code inproc/thread tcp/process}
     */
    public static void main(String[] modes) {
        for (String mode : modes) {
            String[] transportAndLaunch = mode.split("/");
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
            System.out.println("passed " + mode);
        }
    }
}
