package dev.multinode.runtime.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FrameType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A debug run in virtual time: the deadlines stand still while the debugged node's heartbeat is missing. */
class ConductorDebugTest {

    private static final long BARRIER_TIMEOUT_MILLIS = 1_000;

    @Test
    void aBarrierDoesNotTimeOutWhileTheDebuggedNodeIsSuspendedAndDoesOnceItRunsAgain() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b")
                .debugged("node-b").start().allUp();
        run.enter("node-a", "stepped-through", BARRIER_TIMEOUT_MILLIS);
        run.advanceBeating("node-b", Duration.ofMillis(500));

        run.advance(Duration.ofMinutes(5)); // a breakpoint holds node-b: no heartbeat
        assertEquals(List.of(), run.barrierFailuresTo("node-a"), "500 ms beating and 300 ms of allowance counted");

        run.heartbeat("node-b"); // resumed
        assertThat(run.conductor().events().snapshot()).last().extracting(RunEvents.Event::text)
                .isEqualTo("no heartbeat for 300000 ms (suspended by a debugger): deadlines left out 299700 ms");
        run.advanceBeating("node-b", Duration.ofMillis(100));
        assertEquals(List.of(), run.barrierFailuresTo("node-a"), "900 ms counted");
        run.advanceBeating("node-b", Duration.ofMillis(200));
        assertThat(run.barrierFailuresTo("node-a")).singleElement().asString().contains("stepped-through");
    }

    @Test
    void theStartTimeoutDoesNotCountWhileTheDebuggedNodeWaitsForTheDebugger() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b")
                .debugged("node-b").start();
        run.hello("node-a");
        run.advance(ConductorDriver.START_TIMEOUT.multipliedBy(3)); // no JDWP client yet: node-b's JVM holds before main

        run.heartbeat("node-b");
        run.hello("node-b");
        assertEquals(List.of(FrameType.START), run.typesSentTo("node-b"));
        assertEquals(List.of(), run.abortsTo("node-a"));
    }

    @Test
    void theRunTimeoutDoesNotCountWhileTheDebuggedNodeIsSuspended() {
        ConductorDriver run = new ConductorDriver(Duration.ofSeconds(10), false, "node-a", "node-b")
                .debugged("node-b").start().allUp();
        run.advanceBeating("node-b", Duration.ofSeconds(9));
        run.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), run.typesSentTo("node-a").stream().filter(t -> t == FrameType.DUMP_REQUEST).toList());

        run.heartbeat("node-b");
        run.advanceBeating("node-b", Duration.ofSeconds(1));
        assertThat(run.typesSentTo("node-a")).contains(FrameType.DUMP_REQUEST);
    }

    @Test
    void aKilledDebuggedNodeNoLongerStopsTheTime() {
        ConductorDriver run = new ConductorDriver(Duration.ofSeconds(10), false, "node-a", "node-b")
                .debugged("node-b").start().allUp();
        run.kill("node-a", "node-b");
        run.advance(Duration.ofSeconds(11)); // node-b beats no more: it is gone, not suspended
        assertThat(run.typesSentTo("node-a")).contains(FrameType.DUMP_REQUEST);
    }

    @Test
    void theDowntimeOfARestartOfTheDebuggedNodeRunsOutWithoutItsHeartbeat() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b").debugged("node-b");
        List<String> starts = new ArrayList<>();
        run.conductor().nodeStarter(new NodeStarter() {
            @Override
            public void prepare(String role) {
                // nothing to keep
            }

            @Override
            public CompletableFuture<Void> start(String role, int incarnation) {
                starts.add(role + "#" + incarnation);
                return CompletableFuture.completedFuture(null);
            }
        });
        run.start().allUp();
        run.requestFault("node-a", FaultKind.RESTART, "node-b", Duration.ofSeconds(5).toNanos(), 0);
        run.confirmAll();
        run.advance(Duration.ofSeconds(6));
        assertEquals(List.of("node-b#1"), starts);

        run.advance(ConductorDriver.START_TIMEOUT.multipliedBy(2)); // the new JVM waits for the debugger: time stands
        run.heartbeat("node-b");
        run.hello("node-b");
        run.confirmAll();
        assertEquals(List.of(""), run.faultAnswersTo("node-a"));
    }

    @Test
    void withoutADebuggedNodeTheDeadlinesKeepRealTime() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b").start().allUp();
        run.enter("node-a", "not-debugged", BARRIER_TIMEOUT_MILLIS);
        run.advance(Duration.ofMillis(1_100));
        assertThat(run.barrierFailuresTo("node-a")).singleElement().asString().contains("not-debugged");
    }

    @Test
    void aHeartbeatOfAnotherNodeDoesNotMakeTimeCount() {
        ConductorDriver run = new ConductorDriver(Duration.ofMinutes(2), false, "node-a", "node-b")
                .debugged("node-b").start().allUp();
        run.enter("node-a", "stepped-through", BARRIER_TIMEOUT_MILLIS);
        for (int beat = 0; beat < 50; beat++) {
            run.advance(Duration.ofMillis(100));
            run.heartbeat("node-a");
        }
        assertEquals(List.of(), run.barrierFailuresTo("node-a"));
    }
}
