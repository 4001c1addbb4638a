import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedRetrySpecTest {   // each run is one seed; -Dmultinode.sim.seeds=n explores n of them
    @Test
    void aRequestRetriedWithJitterIsAnsweredOnceThePartitionHeals() {
        MultiNode.spec("client", "server").transport("sim").run(node -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            node.onReceive((from, frame) -> {
                String text = StandardCharsets.UTF_8.decode(frame).toString();
                if (node.isRole("server")) {
                    node.send(from, ("ack " + text).getBytes(StandardCharsets.UTF_8));
                } else {
                    answer.complete(text);
                }
            });
            node.enterBarrier("listening");
            node.runOn("client", () -> {
                node.faults().partition(Set.of("client"), Set.of("server"));
                long period = 900 + node.random().nextInt(200);   // jitter from the node: the seed replays it
                node.executor().scheduleWithFixedDelay(() -> node.send("server", "hello".getBytes(StandardCharsets.UTF_8)),
                        0, period, TimeUnit.MILLISECONDS);
                node.executor().schedule(() -> node.faults().heal(), 20, TimeUnit.SECONDS);
                // 20 s of virtual time: the run takes milliseconds
                assertEquals("ack hello", Await.result(answer, Duration.ofSeconds(30)));
            });
            node.enterBarrier("answered");
        });
    }
}
