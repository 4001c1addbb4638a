package dev.multinode.runtime.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pauses at the conductor: at the node's own gate, or by a launcher that freezes JVMs; and barriers around them. */
class ConductorPauseTest {

    private final List<String> signals = new ArrayList<>();

    @Test
    void withoutAFreezerTheNodePausesAtItsGateAndTheCallIsAnsweredOnceItConfirmed() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b").start().allUp();
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        assertEquals(List.of(FaultKind.PAUSE), kinds(run, "node-b"));
        assertEquals(List.of(), run.faultAnswersTo("node-a"));
        run.confirmAll();
        assertEquals(List.of(""), run.faultAnswersTo("node-a"));

        run.requestFault("node-a", FaultKind.RESUME, "node-b", 0, 0);
        run.confirmAll();
        assertEquals(List.of(FaultKind.PAUSE, FaultKind.RESUME), kinds(run, "node-b"));
        assertThat(texts(run)).containsExactly("node-b: paused", "node-b: resumed");
    }

    @Test
    void aFreezerStopsTheJvmAndEveryFrozenNodeIsContinuedWhenTheRunAborts() {
        ConductorDriver run = frozen(false);
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        assertEquals(List.of("freeze node-b"), signals);
        assertEquals(List.of(""), run.faultAnswersTo("node-a"));
        assertEquals(List.of(), kinds(run, "node-b"), "a frozen JVM needs no application");

        run.done("node-c", Outcome.FAILED, "after barrier 'up'", new IllegalStateException("boom"));

        assertEquals(List.of("freeze node-b", "thaw node-b"), signals);
        assertThat(texts(run)).containsExactly("node-b: paused", "node-b: resumed for the abort");
    }

    @Test
    void noFaultCallWaitsForAFrozenNodesConfirmation() {
        ConductorDriver run = frozen(false);
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        run.requestFault("node-a", FaultKind.SKEW_CLOCK, "node-b", Duration.ofSeconds(5).toNanos(), 0);
        assertEquals(List.of(FaultKind.SKEW_CLOCK), kinds(run, "node-b"), "sent, for after the resume");
        assertEquals(List.of("", ""), run.faultAnswersTo("node-a"), "answered without node-b's confirmation");

        run.kill("node-a", "node-c");
        assertEquals(List.of(FaultKind.SKEW_CLOCK, FaultKind.PEER_GONE), kinds(run, "node-b"));
        assertEquals(List.of("", "", ""), run.faultAnswersTo("node-a"));
    }

    @Test
    void aBarrierWaitsForAPausedNodeByDefault() {
        ConductorDriver run = othersAtABarrierWhileNodeBIsPaused(false);
        assertEquals(List.of(), run.releasesTo("node-a"));
        run.advance(Duration.ofSeconds(31));
        assertThat(run.barrierFailuresTo("node-a")).singleElement().asString().contains("node-b (paused, ");
    }

    @Test
    void withPausedNodesSkippedABarrierGoesOnWithoutItAndItPassesItAtOnceAfterTheResume() {
        ConductorDriver run = othersAtABarrierWhileNodeBIsPaused(true);
        assertEquals(List.of("while-paused"), run.releasesTo("node-a"));

        run.requestFault("node-a", FaultKind.RESUME, "node-b", 0, 0);
        run.enter("node-b", "while-paused", 30_000);
        assertEquals(List.of("while-paused"), run.releasesTo("node-b"));
    }

    @Test
    void pausingAPausedNodeOrResumingARunningOneIsRefusedWithWhereItIs() {
        ConductorDriver run = frozen(false);
        run.requestFault("node-a", FaultKind.RESUME, "node-b", 0, 0);
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        assertEquals(List.of("Cannot resume node-b: it is not paused but running its body before the first barrier", "",
                "Cannot pause node-b: it is paused, running its body before the first barrier"), run.faultAnswersTo("node-a"));
    }

    private ConductorDriver othersAtABarrierWhileNodeBIsPaused(boolean skipPausedNodes) {
        ConductorDriver run = frozen(skipPausedNodes);
        run.requestFault("node-a", FaultKind.PAUSE, "node-b", 0, 0);
        run.enter("node-a", "while-paused", 30_000);
        run.enter("node-c", "while-paused", 30_000);
        return run;
    }

    private ConductorDriver frozen(boolean skipPausedNodes) {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), skipPausedNodes, "node-a", "node-b", "node-c");
        run.conductor().nodeFreezer(new NodeFreezer() {
            @Override
            public void freeze(String role) {
                signals.add("freeze " + role);
            }

            @Override
            public void thaw(String role) {
                signals.add("thaw " + role);
            }
        });
        return run.start().allUp();
    }

    private static List<FaultKind> kinds(ConductorDriver run, String role) {
        return run.applicationsTo(role).stream().map(FaultApplyMessage::kind).toList();
    }

    private static List<String> texts(ConductorDriver run) {
        return run.conductor().events().snapshot().stream()
                .filter(event -> event.kind() == EventKind.PAUSED || event.kind() == EventKind.RESUMED)
                .map(event -> event.role() + ": " + event.text()).toList();
    }
}
