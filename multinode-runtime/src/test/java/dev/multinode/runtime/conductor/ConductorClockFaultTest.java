package dev.multinode.runtime.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clock faults at the conductor: one application to the target, answered and recorded once it is confirmed. */
class ConductorClockFaultTest {

    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    private final ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();

    @Test
    void aSkewIsOneApplicationToTheTargetAnsweredOnceItConfirmed() {
        run.requestFault("node-a", FaultKind.SKEW_CLOCK, "node-b", HOUR_NANOS, 0);

        FaultApplyMessage skew = onlyApplicationTo("node-b");
        assertEquals(FaultKind.SKEW_CLOCK, skew.kind());
        assertEquals(HOUR_NANOS, skew.delayNanos());
        assertEquals(List.of(), run.faultAnswersTo("node-a"));
        assertFalse(run.eventKinds().contains(EventKind.CLOCK));

        run.confirm("node-b", skew.applyId());

        assertEquals(List.of(""), run.faultAnswersTo("node-a"));
        assertEquals(List.of("node-b: clock skewed by 3600000 ms"), clockEvents());
    }

    @Test
    void aDriftIsOneApplicationToTheTargetWithItsRate() {
        run.requestFault("node-c", FaultKind.DRIFT_CLOCK, "node-b", 0, 2.0);

        FaultApplyMessage drift = onlyApplicationTo("node-b");
        assertEquals(FaultKind.DRIFT_CLOCK, drift.kind());
        assertEquals(2.0, drift.probability());

        run.confirm("node-b", drift.applyId());

        assertEquals(List.of(""), run.faultAnswersTo("node-c"));
        assertEquals(List.of("node-b: clock drifts at rate 2.0"), clockEvents());
        assertEquals("fault requested: driftClock[node-b] at rate 2.0", run.conductor().events().snapshot().stream()
                .filter(event -> event.kind() == EventKind.FAULT).reduce((first, last) -> last).orElseThrow().text());
    }

    @Test
    void theClockOfAGoneNodeIsRefused() {
        run.kill("node-a", "node-b");

        run.requestFault("node-a", FaultKind.SKEW_CLOCK, "node-b", HOUR_NANOS, 0);

        assertEquals(List.of("", "Cannot apply skewClock[node-b] by 3600000 ms: node-b is already killed"),
                run.faultAnswersTo("node-a"));
        assertEquals(List.of(), clockEvents());
    }

    private FaultApplyMessage onlyApplicationTo(String target) {
        for (String role : List.of("node-a", "node-b", "node-c")) {
            if (!role.equals(target)) {
                assertEquals(List.of(), run.applicationsTo(role), "applications to " + role);
            }
        }
        List<FaultApplyMessage> applications = run.applicationsTo(target);
        assertEquals(1, applications.size(), "applications to " + target);
        return applications.get(0);
    }

    private List<String> clockEvents() {
        return run.conductor().events().snapshot().stream().filter(event -> event.kind() == EventKind.CLOCK)
                .map(event -> event.role() + ": " + event.text()).toList();
    }
}
