import static dev.multinode.MultiNode.runMultiNode;

import dev.multinode.MultiNodeProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubSubSpecTest {   // *Test: Surefire's default includes run it
    @Test
    void publishReachesTheSubscriberOnAnotherNode() {
        runMultiNode(List.of("node-a", "node-b", "node-c"), node -> {
            MultiNodeProbe inbox = node.probe("inbox");          // a mailbox every node can reach
            node.enterBarrier("probes-ready");                    // all three nodes got here
            node.runOn("node-b", () ->
                    node.tell(node.probeRef("node-c", "inbox"), "hello"));
            node.runOn("node-c", () ->
                    inbox.expectMessage("hello", Duration.ofSeconds(5)));
            node.runOn("node-a", () ->
                    inbox.expectNoMessage(Duration.ofMillis(200)));
            node.enterBarrier("done");
        });
    }
}
