package dev.multinode.examples.cluster.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.MemberStatus;
import java.time.Duration;
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

    private static void assertBetween(Duration low, Duration high, Duration actual, String what) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                what + " after " + actual.toMillis() + " ms, expected " + low.toMillis() + ".." + high.toMillis());
    }
}
