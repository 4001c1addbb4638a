package dev.multinode.runtime.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Restarts at the conductor, in virtual time, with a launcher that records the starts it is asked for. */
class ConductorRestartTest {

    private final List<String> starts = new ArrayList<>();
    private final List<String> prepared = new ArrayList<>();
    private final ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b", "node-c");

    ConductorRestartTest() {
        run.conductor().nodeStarter(new NodeStarter() {
            @Override
            public void prepare(String role) {
                prepared.add(role);
            }

            @Override
            public CompletableFuture<Void> start(String role, int incarnation) {
                starts.add(role + "#" + incarnation);
                return CompletableFuture.completedFuture(null);
            }
        });
        run.start().allUp();
    }

    @Test
    void aRestartKillsStartsTheNextIncarnationAndAnswersOnceItsBodyRuns() {
        run.requestFault("node-a", FaultKind.RESTART, "node-b", 0, 0);

        assertEquals(List.of("node-b"), prepared);
        assertEquals(List.of(FaultKind.KILL), kinds("node-b"));
        assertEquals(List.of(FaultKind.PEER_GONE), kinds("node-a"));
        run.confirmAll();
        assertEquals(List.of("node-b#1"), starts);
        assertEquals(List.of(), run.faultAnswersTo("node-a"), "no answer before the new body runs");

        run.hello("node-b");
        assertEquals(List.of(FaultKind.PEER_GONE, FaultKind.PEER_BACK), kinds("node-a"));
        assertEquals(1, count(run.typesSentTo("node-b"), FrameType.START), "no second start before the others accept it");
        run.confirmAll();

        assertEquals(2, count(run.typesSentTo("node-b"), FrameType.START));
        assertEquals(List.of(""), run.faultAnswersTo("node-a"));
        assertThat(texts(EventKind.DOWN)).containsExactly("node-b: killed for a restart");
        assertThat(texts(EventKind.RESTARTED)).containsExactly("node-b: incarnation 1 up");
    }

    @Test
    void theDowntimeDelaysTheNextStart() {
        run.requestFault("node-a", FaultKind.RESTART, "node-b", Duration.ofMillis(500).toNanos(), 0);
        run.confirmAll();
        run.advance(Duration.ofMillis(499));
        assertEquals(List.of(), starts);
        run.advance(Duration.ofMillis(1));
        assertEquals(List.of("node-b#1"), starts);
    }

    @Test
    void aRestartedNodePassesTheBarriersTheRunPassedAtOnceAndIsWaitedForAtTheOpenOne() {
        for (String role : List.of("node-a", "node-b", "node-c")) {
            run.enter(role, "up", 30_000);
        }
        run.enter("node-a", "open", 30_000);
        restart("node-b");
        run.enter("node-c", "open", 30_000);
        assertEquals(List.of("up"), run.releasesTo("node-a"), "the open barrier waits for the new incarnation");

        run.enter("node-b", "up", 30_000);
        assertEquals(List.of("up", "up"), run.releasesTo("node-b"), "passed at once");

        run.enter("node-b", "open", 30_000);
        assertEquals(List.of("up", "open"), run.releasesTo("node-a"));
        assertEquals(List.of("up", "up", "open"), run.releasesTo("node-b"));
    }

    @Test
    void aReleaseWithoutAFrameReachesOnlyTheIncarnationItWasGivenFor() {
        List<String> killed = new ArrayList<>();
        List<String> next = new ArrayList<>();
        run.conductor().releaseLocally("node-b", 0, killed::add);
        restart("node-b");
        for (String role : List.of("node-a", "node-b", "node-c")) {
            run.enter(role, "x", 30_000);
        }
        assertEquals(List.of(), killed);
        assertEquals(List.of("x"), run.releasesTo("node-b"), "the new incarnation by frame");

        run.conductor().releaseLocally("node-b", 1, next::add);
        for (String role : List.of("node-a", "node-b", "node-c")) {
            run.enter(role, "y", 30_000);
        }
        assertEquals(List.of("y"), next);
        assertEquals(List.of("x"), run.releasesTo("node-b"));
    }

    @Test
    void onlyADeathOfTheCurrentIncarnationFailsTheRun() {
        restart("node-b");
        run.died("node-b", 0, "node-b died with exit code 137");
        assertEquals(List.of(), run.abortsTo("node-a"), "the killed incarnation's death was asked for");

        run.died("node-b", 1, "node-b#1 died with exit code 1");
        assertThat(run.abortsTo("node-a")).singleElement().asString().contains("node-b#1 died with exit code 1");
    }

    @Test
    void theNextIncarnationGetsTheFaultsItsRoleHadInForce() {
        run.requestFault("node-a", FaultKind.SKEW_CLOCK, "node-b", Duration.ofSeconds(5).toNanos(), 0);
        run.requestFault("node-a", FaultKind.DRIFT_CLOCK, "node-b", 0, 2.0);
        run.confirmAll();
        restart("node-b");

        assertEquals(List.of(FaultKind.SKEW_CLOCK, FaultKind.DRIFT_CLOCK, FaultKind.KILL, FaultKind.SKEW_CLOCK,
                FaultKind.DRIFT_CLOCK), kinds("node-b"), "replayed to the new incarnation, in order");
    }

    @Test
    void withoutALauncherThatStartsNodesARestartIsRefused() {
        ConductorDriver external = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b").start().allUp();
        external.requestFault("node-a", FaultKind.RESTART, "node-b", 0, 0);
        assertThat(external.faultAnswersTo("node-a")).singleElement().asString()
                .startsWith("Cannot restart node-b: this launch mode cannot start nodes");
    }

    @Test
    void aRunAbortedWhileTheVictimIsDownDoesNotStartIt() {
        run.requestFault("node-a", FaultKind.RESTART, "node-b", Duration.ofSeconds(1).toNanos(), 0);
        run.confirmAll();
        run.done("node-c", Outcome.FAILED, "after barrier 'up'", new IllegalStateException("boom"));
        run.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), starts);
        run.cancelled("node-a");
        assertThat(run.result().passed()).isFalse();
    }

    private void restart(String role) {
        run.requestFault("node-a", FaultKind.RESTART, role, 0, 0);
        run.confirmAll();
        run.hello(role);
        run.confirmAll();
    }

    private List<FaultKind> kinds(String role) {
        return run.applicationsTo(role).stream().map(FaultApplyMessage::kind).toList();
    }

    private static long count(List<Integer> types, int type) {
        return types.stream().filter(t -> t == type).count();
    }

    private List<String> texts(EventKind kind) {
        return run.conductor().events().snapshot().stream().filter(event -> event.kind() == kind)
                .map(event -> event.role() + ": " + event.text()).toList();
    }
}
