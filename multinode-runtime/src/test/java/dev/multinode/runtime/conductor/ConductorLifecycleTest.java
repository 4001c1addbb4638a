package dev.multinode.runtime.conductor;

import static dev.multinode.runtime.conductor.Expect.assertEndsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Outcome;
import java.time.Duration;
import java.util.List;
import org.agrona.concurrent.AgentTerminationException;
import org.junit.jupiter.api.Test;

/** The conductor's life: start-up, the run's end, its deadlines and the abort's grace, in virtual time. */
class ConductorLifecycleTest {

    @Test
    void theBodiesStartOnceEveryNodeIsUp() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b");
        run.hello("node-a");
        assertFalse(run.typesSentTo("node-a").contains(FrameType.START));
        run.hello("node-b");
        assertEquals(List.of(FrameType.START), run.typesSentTo("node-a"));
        assertEquals(List.of(FrameType.START), run.typesSentTo("node-b"));
    }

    @Test
    void aPassingRunStopsEveryNodeAndRecordsTypedEventsAndPhases() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.advance(Duration.ofMillis(100));
        run.enter("node-a", "x", 5_000, new long[] {0, 0, 7});
        run.advance(Duration.ofMillis(50));
        run.enter("node-b", "x", 5_000);
        run.passed("node-a");
        run.passed("node-b");

        assertEndsWith(run.typesSentTo("node-b"), FrameType.STOP);
        assertTrue(run.result().passed());
        assertEquals(List.of(
                EventKind.LIFECYCLE, EventKind.LIFECYCLE, EventKind.LIFECYCLE, EventKind.START, EventKind.BARRIER,
                EventKind.PASSED, EventKind.PASSED, EventKind.END), run.eventKinds());
        PhaseRecord first = run.result().phases().get(0);
        assertEquals("x", first.barrier());
        assertEquals(ConductorDriver.EPOCH.plusMillis(100), first.opened());
        assertEquals(ConductorDriver.EPOCH.plusMillis(150), first.passed());
        assertEquals(7, first.traffic()[1][2]);
        assertNull(run.result().phases().get(1).barrier());
        assertEquals(List.of(150L, 150L), run.result().nodes().stream().map(NodeReport::durationMs).toList());
    }

    @Test
    void theAgentEndsAfterTheRunIsOver() {
        ConductorDriver run = new ConductorDriver("node-a").allUp();
        run.passed("node-a");
        assertEquals("multinode-conductor", run.conductor().roleName());
        assertThrows(AgentTerminationException.class, () -> run.conductor().doWork());
    }

    @Test
    void nodesThatDoNotComeUpInTimeFailTheRun() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b");
        run.hello("node-a");
        run.advance(ConductorDriver.START_TIMEOUT.minusMillis(1));
        assertEquals(List.of(), run.abortsTo("node-a"));
        run.advance(Duration.ofMillis(2));
        assertEquals(List.of("node-b failed: Nodes [node-b] did not start within 60000 ms"), run.abortsTo("node-a"));
        run.cancelled("node-a", "node-b");
        assertEquals("start", run.result().rootCause().where());
    }

    @Test
    void theRunTimeoutAsksForStacksAndFailsAsSoonAsEveryStackArrived() {
        ConductorDriver run = new ConductorDriver(Duration.ofSeconds(5), "node-a", "node-b").allUp();
        run.passed("node-a");
        run.advance(Duration.ofSeconds(5).plusMillis(1));
        assertEndsWith(run.typesSentTo("node-b"), FrameType.DUMP_REQUEST);
        assertFalse(run.typesSentTo("node-a").contains(FrameType.DUMP_REQUEST));

        run.stack("node-b", "\"node-b\" WAITING\n\tat Latch.await");

        assertEquals(List.of("node-b failed: Run timed out after 5000 ms; still running: node-b (running its body before the"
                + " first barrier)"), run.abortsTo("node-b"));
        run.cancelled("node-b");
        RootCause root = run.result().rootCause();
        assertEndsWith("\nStack of node-b:\n\"node-b\" WAITING\n\tat Latch.await", root.summary());
        assertEquals("running its body before the first barrier", root.where());
    }

    @Test
    void aStackThatNeverComesIsWaitedForOneSecond() {
        ConductorDriver run = new ConductorDriver(Duration.ofSeconds(5), "node-a").allUp();
        run.advance(Duration.ofSeconds(5).plusMillis(1));
        run.advance(RunDeadlines.DUMP_WAIT.minusMillis(1));
        assertEquals(List.of(), run.abortsTo("node-a"));
        run.advance(Duration.ofMillis(2));
        assertEquals(1, run.abortsTo("node-a").size());
        run.cancelled("node-a");
        assertEndsWith("Stack of node-a:\n(no stack received)", run.result().rootCause().summary());
    }

    @Test
    void aNodeThatIgnoresTheAbortIsGivenUpOnAfterTheGrace() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.done("node-a", Outcome.FAILED, "before the first barrier", new IllegalStateException("boom"));
        run.advance(ConductorDriver.ABORT_GRACE.minusMillis(1));
        assertFalse(run.conductor().result().isDone());
        run.advance(Duration.ofMillis(2));

        assertEquals(List.of("node-b"), run.result().notStopped());
        assertEquals("cancelled, did not stop within 10000 ms after the abort", run.result().nodes().get(1).outcome());
        assertEndsWith(run.typesSentTo("node-b"), FrameType.ABORT, FrameType.STOP);
    }

    @Test
    void afterARunTimeoutTheGraceIsShortBecauseTheStacksAreTaken() {
        ConductorDriver run = new ConductorDriver(Duration.ofSeconds(5), "node-a").allUp();
        run.advance(Duration.ofSeconds(5).plusMillis(1));
        run.stack("node-a", "spinning");
        run.advance(RunDeadlines.RUN_TIMEOUT_GRACE.plusMillis(1));

        assertEquals(List.of("node-a"), run.result().notStopped());
        assertEquals("cancelled, did not stop within 1000 ms after the abort", run.result().nodes().get(0).outcome());
    }

    @Test
    void aThrowingBodyIsTheRootCauseAndTheOthersAreCancelled() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();
        run.enter("node-a", "x", 60_000);
        run.done("node-b", Outcome.FAILED, "before the first barrier", new IllegalStateException("boom"));
        assertEquals(List.of(), run.barrierFailuresTo("node-a"));
        assertEquals(List.of("node-b failed: java.lang.IllegalStateException: boom"), run.abortsTo("node-a"));
        run.cancelled("node-a", "node-c");
        RootCause root = run.result().rootCause();
        assertTrue(root.thrown());
        assertEquals("node-b", root.role());
        assertEquals(List.of("cancelled", "failed", "cancelled"), run.outcomes());
        assertTrue(run.eventKinds().containsAll(List.of(EventKind.FAILED, EventKind.ABORTED, EventKind.CANCELLED, EventKind.END)));
    }
}
