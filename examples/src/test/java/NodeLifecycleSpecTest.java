import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLifecycleSpecTest {
    @Test
    void aRestartedNodeFindsItsDataAndAPausedOneCatchesUp() {
        MultiNode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            Path journal = node.dataDir().resolve("journal");    // survives restarts of the role
            node.closeOnStop(journal, (file, why) ->               // KILLED: stop abruptly
                    node.log().info("stopping, {}", why == StopReason.KILLED ? "abruptly" : "gracefully"));
            node.runOn("node-b", () -> Files.writeString(journal, "life " + node.incarnation() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            node.enterBarrier("written");                         // a restarted node passes it at once
            node.runOn("node-a", () -> {
                node.faults().restart("node-b");                  // returns when life 1 runs its body
                node.faults().skewClock("node-b", Duration.ofMinutes(5));
                node.faults().pause("node-b");                    // SIGSTOP in process mode
                node.tell(node.probeRef("node-b", "inbox"), "sent while paused");
                node.faults().resume("node-b");                   // the message arrives now
            });
            node.runOn("node-b", () -> {
                if (node.incarnation() == 1) {
                    inbox.expectMessage("sent while paused", Duration.ofSeconds(10));
                    if (!Files.readAllLines(journal).equals(List.of("life 0", "life 1"))) {
                        throw new AssertionError("journal: " + Files.readAllLines(journal));
                    }
                    long ahead = node.clock().millis() - System.currentTimeMillis();
                    if (ahead < Duration.ofMinutes(4).toMillis()) {
                        throw new AssertionError("clock only " + ahead + " ms ahead");
                    }
                }
            });
            node.enterBarrier("done");                            // life 0 of node-b is killed waiting here
        });
    }
}
