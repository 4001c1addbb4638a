package dev.multinode.runtime.conductor;

import static dev.multinode.runtime.conductor.Expect.assertContainsInOrder;
import static dev.multinode.runtime.conductor.Expect.assertEndsWith;
import static dev.multinode.runtime.conductor.Expect.assertStartsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.BarrierFailedException;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The barrier rules of DESIGN.md, driven frame by frame in virtual time. */
class BarrierCoordinatorTest {

    private static final long LONG_TIMEOUT = 60_000;

    private final ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();

    @Test
    void releasesEveryNodeOnceAllLiveParticipantsEntered() {
        run.enter("node-a", "x", LONG_TIMEOUT);
        run.enter("node-b", "x", LONG_TIMEOUT);
        assertEquals(List.of(), run.releasesTo("node-a"));

        run.enter("node-c", "x", LONG_TIMEOUT);

        for (String role : List.of("node-a", "node-b", "node-c")) {
            assertEquals(List.of("x"), run.releasesTo(role), role);
        }
        RunEvents.Event passed = run.conductor().events().snapshot().stream().filter(e -> e.kind() == EventKind.BARRIER)
                .findFirst().orElseThrow();
        assertEquals("barrier 'x' passed", passed.text());
    }

    @Test
    void aNodeOfTheConductorsJvmIsReleasedWithoutAFrame() {
        List<String> local = new ArrayList<>();
        run.conductor().releaseLocally("node-b", 0, local::add);

        for (String role : List.of("node-a", "node-b", "node-c")) {
            run.enter(role, "x", LONG_TIMEOUT);
        }

        assertEquals(List.of("x"), local);
        assertEquals(List.of(), run.releasesTo("node-b"));
        assertEquals(List.of("x"), run.releasesTo("node-a"));
    }

    @Test
    void theShortestTimeoutAmongTheArrivalsWins() {
        run.enter("node-a", "x", 10_000);
        run.enter("node-b", "x", 2_000);
        run.advance(Duration.ofMillis(1_999));
        assertFalse(run.conductor().result().isDone());

        run.advance(Duration.ofMillis(2));

        String expected = "Barrier 'x' failed: timed out after 2000 ms; arrived: [node-a, node-b]; "
                + "missing: node-c (running its body before the first barrier)";
        assertEquals(List.of(expected), run.barrierFailuresTo("node-a"));
        assertEquals(List.of(expected), run.barrierFailuresTo("node-b"));
        assertEquals(List.of("x"), run.failedBarriersTo("node-a"));
        run.cancelled("node-a", "node-b", "node-c");
        RootCause root = run.result().rootCause();
        assertEquals(expected, root.summary());
        assertEquals("node-c", root.role());
        assertEquals("barrier 'x'", root.where());
        assertEquals(expected, assertInstanceOf(BarrierFailedException.class, root.error()).getMessage());
    }

    @Test
    void aTimeoutWithSeveralMissingNodesBlamesNoSingleNode() {
        run.enter("node-a", "x", 500);
        run.advance(Duration.ofMillis(501));
        run.cancelled("node-a", "node-b", "node-c");
        assertNull(run.result().rootCause().role());
        assertEndsWith("missing: node-b (running its body before the first "
                + "barrier), node-c (running its body before the first barrier)", run.result().rootCause().summary());
    }

    @Test
    void theBarrierFailureReachesTheWaitingNodesBeforeTheAbort() {
        run.enter("node-a", "x", 500);
        run.advance(Duration.ofSeconds(1));
        assertContainsInOrder(run.typesSentTo("node-a"), FrameType.BARRIER_FAILED, FrameType.ABORT);
        assertFalse(run.typesSentTo("node-b").contains(FrameType.BARRIER_FAILED));
        assertEquals(List.of("Barrier 'x' failed: timed out after 500 ms; arrived: [node-a]; missing: node-b (running its"
                + " body before the first barrier), node-c (running its body before the first barrier)"), run.abortsTo("node-b"));
    }

    @Test
    void theFailureSaysWhereEachMissingNodeIs() {
        everyoneEnters("start");
        run.enter("node-a", "x", 1_000);
        run.passed("node-b");
        String failure = run.barrierFailuresTo("node-a").get(0);
        assertEquals("Barrier 'x' failed: node-b finished its body while [node-a] wait for it at barrier 'x'; arrived:"
                + " [node-a]; missing: node-b (finished its body), node-c (running its body after barrier 'start')", failure);
    }

    @Test
    void aNodeEnteringAnotherBarrierFailsItAtOnceAndBothWaitersAreTold() {
        run.enter("node-a", "left", LONG_TIMEOUT);
        run.enter("node-b", "right", LONG_TIMEOUT);

        String expected = "Barrier 'left' failed: barrier names disagree: [node-a] wait at 'left' but node-b entered"
                + " 'right'; arrived: [node-a]; missing: node-b (running its body before the first barrier), node-c"
                + " (running its body before the first barrier)";
        assertEquals(List.of(expected), run.barrierFailuresTo("node-a"));
        assertEquals(List.of(expected), run.barrierFailuresTo("node-b"));
        assertEquals(List.of(), run.barrierFailuresTo("node-c"));
        run.cancelled("node-a", "node-b", "node-c");
        assertEquals("node-b", run.result().rootCause().role());
    }

    @Test
    void aNodeThatFinishedBeforeTheOthersEnteredFailsTheBarrierAtOnce() {
        run.passed("node-c");
        run.enter("node-a", "late", LONG_TIMEOUT);
        assertEquals(List.of("Barrier 'late' failed: node-c finished its body without entering barrier 'late', which"
                + " [node-a] wait at; arrived: [node-a]; missing: node-b (running its body before the first barrier), node-c"
                + " (finished its body)"), run.barrierFailuresTo("node-a"));
        run.cancelled("node-a", "node-b");
        assertEquals("node-c", run.result().rootCause().role());
    }

    @Test
    void aKilledNodeLeavesTheSetAndItsRemovalCompletesAWaitingBarrier() {
        everyoneEnters("x", "node-a", "node-b");
        run.kill("node-a", "node-c");
        assertEquals(List.of("x"), run.releasesTo("node-a"));
        assertEquals(List.of("x"), run.releasesTo("node-b"));

        everyoneEnters("after-the-kill", "node-a", "node-b");
        assertEquals(List.of("x", "after-the-kill"), run.releasesTo("node-a"));
        run.passed("node-a");
        run.passed("node-b");
        assertTrue(run.result().passed());
        assertEquals(List.of("passed", "passed", "killed"), run.outcomes());
    }

    @Test
    void aNodeRemovedAfterItArrivedNoLongerCounts() {
        run.enter("node-c", "x", LONG_TIMEOUT);
        run.kill("node-a", "node-c");
        run.enter("node-a", "x", LONG_TIMEOUT);
        assertEquals(List.of(), run.releasesTo("node-a"));
        run.enter("node-b", "x", LONG_TIMEOUT);
        assertEquals(List.of("x"), run.releasesTo("node-a"));
        assertEquals(List.of(), run.releasesTo("node-c"));
    }

    @Test
    void aNodeThatDiesWhileOthersWaitFailsTheBarrierButTheDeathIsTheRootCause() {
        everyoneEnters("x", "node-a", "node-b");
        run.died("node-c", "node-c died with exit code 137");
        assertEquals(List.of("Barrier 'x' failed: node-c died while [node-a, node-b] wait at barrier 'x'; arrived:"
                + " [node-a, node-b]; missing: node-c (node-c died with exit code 137)"), run.barrierFailuresTo("node-a"));
        assertContainsInOrder(run.typesSentTo("node-b"), FrameType.BARRIER_FAILED, FrameType.ABORT);
        run.cancelled("node-a", "node-b");
        assertEquals("node-c died with exit code 137", run.result().rootCause().summary());
        assertEquals("node-c", run.result().rootCause().role());
    }

    @Test
    void aNodeThatDiesAfterItArrivedFailsTheBarrierForTheOthers() {
        run.enter("node-a", "x", LONG_TIMEOUT);
        run.enter("node-c", "x", LONG_TIMEOUT);
        run.died("node-c", "node-c died with exit code 1");
        assertEquals(List.of("x"), run.failedBarriersTo("node-a"));
        assertEquals(List.of(), run.barrierFailuresTo("node-c"));
    }

    @Test
    void afterTheFirstFailureNoBarrierFailsOrReleasesAgain() {
        run.enter("node-a", "x", 500);
        run.advance(Duration.ofSeconds(1));
        run.enter("node-b", "y", LONG_TIMEOUT);
        run.passed("node-c");
        run.enter("node-b", "x", LONG_TIMEOUT);
        assertEquals(List.of(), run.barrierFailuresTo("node-b"));
        assertEquals(List.of(), run.releasesTo("node-b"));
        assertEquals(1, run.abortsTo("node-b").size());
        run.cancelled("node-a", "node-b");
        assertStartsWith("Barrier 'x' failed: timed out after 500 ms", run.result().rootCause().summary());
        assertEquals(List.of("cancelled", "cancelled", "passed"), run.outcomes());
    }

    @Test
    void aBarrierTimeoutIsBoundedByTheRunTimeout() {
        ConductorDriver shortRun = new ConductorDriver(Duration.ofSeconds(5), "node-a", "node-b").allUp();
        shortRun.enter("node-a", "x", LONG_TIMEOUT);
        shortRun.advance(Duration.ofSeconds(5).plusMillis(1));
        assertTrue(shortRun.typesSentTo("node-a").contains(FrameType.DUMP_REQUEST));
        shortRun.stack("node-a", "stack of a");
        shortRun.stack("node-b", "stack of b");
        shortRun.cancelled("node-a", "node-b");
        assertStartsWith("Run timed out after 5000 ms; still running: node-a (waiting at barrier 'x'), node-b (running its"
                + " body before the first barrier)", shortRun.result().rootCause().summary());
    }

    private void everyoneEnters(String barrier, String... roles) {
        List<String> entering = roles.length == 0 ? List.of("node-a", "node-b", "node-c") : List.of(roles);
        entering.forEach(role -> run.enter(role, barrier, LONG_TIMEOUT));
    }
}
