import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.junit.MultiNodeTest;
import dev.multinode.junit.Transports;
import java.time.Duration;
import java.util.Set;

class GreetingNodesTest {   // Surefire runs it like any JUnit 5 test
    private MultiNodeProbe inbox;   // this node's own: every node calls the method on its own instance

    @MultiNodeTest(roles = {"node-a", "node-b", "node-c"}, barrierTimeout = "PT10S")
    @Transports({"inproc", "tcp/thread", "tcp/process"})
    void aGreetingReachesTheOtherNodes(Node node) throws Exception {
        inbox = node.probe("inbox");
        node.enterBarrier("probes-ready");
        node.runOn("node-a", () -> greet(node, "node-b", "node-c"));
        node.runOn(Set.of("node-b", "node-c"), () ->
                inbox.expectMessage("hello from node-a", Duration.ofSeconds(5)));
        node.enterBarrier("done");
    }

    private void greet(Node node, String... roles) {
        for (String role : roles) {
            node.tell(node.probeRef(role, "inbox"), "hello from " + node.role());
        }
    }
}
