package dev.multinode.examples.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterSettings;
import dev.multinode.examples.cluster.ExampleCluster;
import dev.multinode.examples.cluster.VirtualCluster;
import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Duration LIMIT = VirtualCluster.LIMIT;

    @Test
    void nodesJoinThroughTheSeedAndAgreeOnOneView() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        world.runUntil("converged", () -> Set.of("node-a", "node-b", "node-c").stream()
                .map(r -> cluster.node(r).membership().view()).distinct().count() == 1, LIMIT);
        ClusterView view = cluster.node("node-c").membership().view();
        assertEquals(1, view.member("node-a").orElseThrow().upNumber(), "the seed is up first");
        assertEquals(Set.of(2, 3), Set.of(view.member("node-b").orElseThrow().upNumber(),
                view.member("node-c").orElseThrow().upNumber()));
        assertEquals("node-a", view.oldest().orElseThrow().role());
        assertTrue(world.elapsed().compareTo(Duration.ofSeconds(1)) < 0, "took " + world.elapsed());
    }

    @Test
    void whenCompletesWithTheFirstViewThatSatisfiesTheCondition() {
        VirtualWorld world = new VirtualWorld("a", "b");
        ExampleCluster a = ExampleCluster.start(world.network("a"), ClusterSettings.defaults());
        ExampleCluster b = ExampleCluster.start(world.network("b"), ClusterSettings.defaults());
        CompletableFuture<ClusterView> bothUp = b.membership().when(v -> v.upMembers().size() == 2);
        ClusterView view = world.await(bothUp, LIMIT);
        assertEquals(List.of("a", "b"), view.upMembers().stream().map(Member::role).toList());
        assertTrue(a.membership().view().isMember("b"));
    }

    @Test
    void aLateJoinerGetsTheNextUpNumberAndListenersSeeItsWay() {
        VirtualWorld world = new VirtualWorld("a", "b", "c");
        ExampleCluster a = ExampleCluster.start(world.network("a"), ClusterSettings.defaults());
        List<MemberStatus> cStatuses = new ArrayList<>();
        a.membership().addListener((previous, current) -> current.status("c")
                .filter(s -> !previous.status("c").equals(current.status("c"))).ifPresent(cStatuses::add));
        ExampleCluster.start(world.network("b"), ClusterSettings.defaults());
        world.await(a.membership().when(v -> v.upMembers().size() == 2), LIMIT);
        world.advance(Duration.ofSeconds(2));
        ExampleCluster c = ExampleCluster.start(world.network("c"), ClusterSettings.defaults());
        world.await(c.membership().when(v -> v.upMembers().size() == 3), LIMIT);
        assertEquals(3, c.membership().view().member("c").orElseThrow().upNumber());
        world.await(a.membership().when(v -> v.hasStatus("c", MemberStatus.UP)), LIMIT);
        assertEquals(List.of(MemberStatus.JOINING, MemberStatus.UP), cStatuses);
    }

    @Test
    void joiningRetriesUntilTheSeedCanBeReached() {
        VirtualWorld world = new VirtualWorld("a", "b");
        world.blackhole("a", "b");
        ExampleCluster.start(world.network("a"), ClusterSettings.defaults());
        ExampleCluster b = ExampleCluster.start(world.network("b"), ClusterSettings.defaults());
        world.advance(Duration.ofSeconds(1));
        assertEquals("[b JOINING]", b.membership().view().toString());
        world.heal();
        world.await(b.membership().when(v -> v.upMembers().size() == 2), LIMIT);
    }

    @Test
    void aNodeThatLeavesIsRemovedFasterThanFailureDetectionCould() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        Duration start = cluster.world().elapsed();
        cluster.node("node-c").close();
        cluster.awaitStatus("node-c", MemberStatus.REMOVED);
        Duration took = cluster.world().elapsed().minus(start);
        assertTrue(took.compareTo(Duration.ofMillis(300)) < 0, "leaving took " + took);
        assertEquals(Set.of("node-a", "node-b"), cluster.node("node-a").membership().view().upMembers().stream()
                .map(Member::role).collect(Collectors.toSet()));
        assertTrue(!cluster.node("node-c").membership().isActive(), "the node that left no longer takes part");
    }
    @Test
    void aRestartedNodeRejoinsAsANewIncarnationAndTheOldOneNeverComesBack() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        List<Integer> incarnationsSeen = new ArrayList<>();
        cluster.node("node-a").membership().addListener((previous, current) -> current.member("node-c")
                .map(Member::incarnation).ifPresent(incarnationsSeen::add));
        cluster.killAndAwaitRemoval("node-c");
        ExampleCluster c = cluster.restart("node-c", ClusterSettings.defaults());
        cluster.world().await(c.membership().when(v -> v.upMembers().size() == 3), LIMIT);
        cluster.awaitStatus("node-c", MemberStatus.UP);
        Member rejoined = cluster.node("node-a").membership().view().member("node-c").orElseThrow();
        assertEquals(1, rejoined.incarnation());
        List<Member> oldestFirst = cluster.node("node-a").membership().view().upMembers();
        assertEquals(rejoined, oldestFirst.get(oldestFirst.size() - 1), "the new incarnation is the youngest member");
        assertEquals(incarnationsSeen.stream().sorted().toList(), incarnationsSeen, "never back to incarnation 0");
    }

    @Test
    void aNewIncarnationReplacesTheOldOneBeforeTheFailureDetectorRemovesIt() {
        ClusterSettings slowDown = ClusterSettings.defaults()
                .withFailureDetection(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60));
        VirtualCluster cluster = VirtualCluster.startUp(slowDown, "node-a", "node-b", "node-c");
        cluster.world().kill("node-c");
        cluster.awaitStatus("node-c", MemberStatus.UNREACHABLE);
        ExampleCluster c = cluster.restart("node-c", slowDown);
        cluster.world().await(c.membership().when(v -> v.upMembers().size() == 3), LIMIT);
        cluster.awaitStatus("node-c", MemberStatus.UP);
        assertEquals(1, cluster.node("node-b").membership().view().member("node-c").orElseThrow().incarnation());
        assertTrue(cluster.world().elapsed().compareTo(Duration.ofSeconds(10)) < 0, "took " + cluster.world().elapsed());
    }

    @Test
    void aRestartedSeedJoinsTheClusterItFoundedInsteadOfFoundingAnother() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        cluster.killAndAwaitRemoval("node-a");
        ExampleCluster a = cluster.restart("node-a", ClusterSettings.defaults());
        cluster.world().await(a.membership().when(v -> v.upMembers().size() == 3), LIMIT);
        ClusterView view = a.membership().view();
        assertEquals("node-b", view.oldest().orElseThrow().role(), "the restarted seed is the youngest now");
        assertEquals(1, view.member("node-a").orElseThrow().incarnation());
    }

    @Test
    void gossipFromARemovedMemberDoesNotSpreadButTellsItThatItIsOut() {
        VirtualCluster cluster = VirtualCluster.startUp(ClusterSettings.defaults(), "node-a", "node-b", "node-c");
        VirtualWorld world = cluster.world();
        world.pause("node-c");
        cluster.awaitStatus("node-c", MemberStatus.REMOVED);
        ClusterView before = cluster.node("node-a").membership().view();
        world.resume("node-c");
        world.runUntil("node-c out", () -> !cluster.node("node-c").membership().isActive(), LIMIT);
        world.advance(Duration.ofSeconds(2));
        assertEquals(MemberStatus.REMOVED, cluster.node("node-c").membership().view().status("node-c").orElseThrow());
        assertEquals(before, cluster.node("node-a").membership().view(), "nothing node-c believed spread");
        assertEquals(2, cluster.node("node-b").membership().view().upMembers().size());
    }
}
