package dev.multinode.examples.cluster.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterProtocol;
import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.failure.Heartbeat;
import dev.multinode.examples.cluster.membership.Join;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagingTest {

    @Test
    void malformedFramesAreDroppedAndCountedAndTheNodeCarriesOn() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b");
        VirtualWorld world = cluster.world();
        world.inject("node-b", "node-a", new byte[] {(byte) 0xee, 1, 2, 3});
        world.inject("node-b", "node-a", new byte[] {0x02, 0, 0, 0, 5});
        world.inject("node-b", "node-a", new byte[] {0x23, 0, 0, 0, 2, (byte) 0xc3, 0x28});
        world.inject("node-b", "node-a", new byte[0]);
        world.advance(Duration.ofMillis(10));
        assertEquals(4, cluster.node("node-a").droppedFrames());
        String home = world.await(cluster.node("node-a").sharding().whereIs("e-1", Duration.ofSeconds(1)),
                VirtualCluster.LIMIT);
        assertTrue(Set.of("node-a", "node-b").contains(home), "the node still routes: " + home);
        assertEquals(2, cluster.node("node-a").membership().view().upMembers().size());
    }

    @Test
    void aMessageToThisNodeSkipsTheNetworkAndAMessageWithoutHandlerIsDropped() {
        VirtualWorld world = new VirtualWorld("a", "b");
        Messaging messaging = new Messaging(world.network("a"), ClusterProtocol.codec());
        List<String> received = new ArrayList<>();
        messaging.handle(Heartbeat.class, (from, heartbeat) -> received.add("heartbeat from " + from));
        messaging.start();
        world.network("a").scheduler().execute(() -> {
            messaging.send("a", new Heartbeat());
            messaging.send("a", new Join(0));
        });
        world.advance(Duration.ofMillis(10));
        assertEquals(List.of("heartbeat from a"), received);
        assertEquals(0, world.framesSent());
    }

    @Test
    void aSendTheNetworkRefusesIsLoggedNotThrown() {
        VirtualWorld world = new VirtualWorld("a");
        Messaging messaging = new Messaging(world.network("a"), ClusterProtocol.codec());
        messaging.start();
        world.network("a").scheduler().execute(() -> messaging.send("nobody", new Heartbeat()));
        world.advance(Duration.ofMillis(10));
        assertEquals(0, world.framesSent());
    }
}
