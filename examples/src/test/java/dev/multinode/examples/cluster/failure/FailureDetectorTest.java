package dev.multinode.examples.cluster.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureDetectorTest {

    @Test
    void aKilledMemberIsUnreachableAfterHalfASecondAndRemovedAfterAboutOne() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        Duration killedAt = cluster.world().elapsed();
        cluster.world().kill("node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        Duration unreachable = cluster.world().elapsed().minus(killedAt);
        cluster.awaitStatus("node-c", MemberStatus.REMOVED);
        Duration removed = cluster.world().elapsed().minus(killedAt);
        assertBetween(Duration.ofMillis(500), Duration.ofMillis(750), unreachable, "unreachable");
        assertBetween(Duration.ofMillis(1000), Duration.ofMillis(1400), removed, "removed");
    }

    @Test
    void aKilledLeaderIsDownedByTheNextOldest() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        cluster.killAndAwaitRemoval("node-a");
        ClusterView view = cluster.node("node-c").membership().view();
        assertEquals(view.member("node-b").orElseThrow().upNumber() < view.member("node-c").orElseThrow().upNumber()
                ? "node-b" : "node-c", view.leader().orElseThrow().role());
        assertEquals(2, view.upMembers().size());
    }

    @Test
    void aMemberHeardAgainBeforeItIsDownedComesBackWithItsUpNumber() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        int upNumber = cluster.node("node-a").membership().view().member("node-c").orElseThrow().upNumber();
        cluster.world().blackhole("node-a", "node-c");
        cluster.world().blackhole("node-b", "node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        cluster.world().heal();
        cluster.awaitStatus("node-c", MemberStatus.UP);
        assertEquals(upNumber, cluster.node("node-a").membership().view().member("node-c").orElseThrow().upNumber());
        cluster.world().advance(Duration.ofSeconds(3));
        assertEquals(3, cluster.node("node-b").membership().view().upMembers().size(), "nobody was downed");
    }

    @Test
    void aNodeThatWasFrozenDoesNotTakeItsOwnSilenceForTheOthers() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        // cut off too, so that no heartbeat waiting for it tells it the others are alive
        world.isolate("node-c");
        world.pause("node-c");
        world.advance(Duration.ofSeconds(3));
        world.resume("node-c");
        world.advance(Duration.ofMillis(300));
        assertEquals(List.of(MemberStatus.UP, MemberStatus.UP, MemberStatus.UP),
                cluster.node("node-c").membership().view().members().stream().map(Member::status).toList(),
                "node-c, frozen for 3 s, judged the others by what it heard since it runs again");
    }

    @Test
    void aLeaderCutOffFromTheMajorityDownsNobody() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        world.isolate("node-a");
        cluster.awaitStatus("node-a", MemberStatus.REMOVED);
        world.advance(Duration.ofSeconds(3));
        ClusterView cutOff = cluster.node("node-a").membership().view();
        assertEquals(MemberStatus.UNREACHABLE, cutOff.status("node-b").orElseThrow(), cutOff.toString());
        assertEquals(MemberStatus.UNREACHABLE, cutOff.status("node-c").orElseThrow(), cutOff.toString());
    }

    private static void assertBetween(Duration low, Duration high, Duration actual, String what) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                what + " after " + actual.toMillis() + " ms, expected " + low.toMillis() + ".." + high.toMillis());
    }
}
