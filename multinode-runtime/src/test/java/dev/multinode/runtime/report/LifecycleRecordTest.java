package dev.multinode.runtime.report;

import static dev.multinode.runtime.report.LifecycleRun.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.RunEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleRecordTest {

    @Test
    void eachRestartIsAnIncarnationWithTheDownTimeBeforeIt() {
        LifecycleRecord life = LifecycleRecord.of(LifecycleRun.events(), "node-b");

        assertThat(life.incarnations()).isEqualTo(3);
        assertThat(life.restarts()).containsExactly(new LifecycleRecord.Restart(at(300), 1),
                new LifecycleRecord.Restart(at(900), 2));
        assertThat(life.downtimes()).containsExactly(new LifecycleRecord.Interval(at(110), at(300)),
                new LifecycleRecord.Interval(at(700), at(900)));
        assertThat(life.end()).as("the last incarnation's body passed").isEqualTo(at(1000));
        assertThat(life.pauses()).isEmpty();
    }

    @Test
    void aPauseLastsToItsResumeOrTheRunsEnd() {
        LifecycleRecord life = LifecycleRecord.of(LifecycleRun.events(), "node-c");

        assertThat(life.pauses()).containsExactly(new LifecycleRecord.Interval(at(400), at(600)),
                new LifecycleRecord.Interval(at(950), null));
        assertThat(life.incarnations()).isEqualTo(1);
        assertThat(life.end()).isNull();
    }

    @Test
    void clockChangesKeepTheConductorsWords() {
        LifecycleRecord life = LifecycleRecord.of(LifecycleRun.events(), "node-a");

        assertThat(life.clockChanges()).containsExactly(new LifecycleRecord.ClockChange(at(650), "clock skewed by 500 ms"));
        assertThat(life.restarts()).isEmpty();
        assertThat(life.downtimes()).isEmpty();
        assertThat(life.end()).isEqualTo(at(1000));
    }

    @Test
    void aPlainKillEndsTheNodeForGood() {
        LifecycleRecord life = LifecycleRecord.of(List.of(event(100, EventKind.REMOVED, "killed by a fault")), "node-b");

        assertThat(life.downtimes()).isEmpty();
        assertThat(life.end()).isEqualTo(at(100));
    }

    @Test
    void aRestartWhoseNodeNeverCameBackStaysDownToTheRunsEnd() {
        LifecycleRecord life = LifecycleRecord.of(List.of(event(100, EventKind.DOWN, "killed for a restart"),
                event(200, EventKind.DIED, "exited with status 1 before it said hello")), "node-b");

        assertThat(life.downtimes()).containsExactly(new LifecycleRecord.Interval(at(100), null));
        assertThat(life.incarnations()).isEqualTo(1);
        assertThat(life.end()).as("a down node has no lane to end").isNull();
    }

    @Test
    void whatTheKilledIncarnationStillReportsDoesNotEndTheNewOne() {
        LifecycleRecord life = LifecycleRecord.of(List.of(event(100, EventKind.DOWN, "killed for a restart"),
                event(110, EventKind.CANCELLED, "body cancelled after barrier 'start'"),
                event(200, EventKind.RESTARTED, "incarnation 1 up")), "node-b");

        assertThat(life.end()).isNull();
        assertThat(life.restarts()).containsExactly(new LifecycleRecord.Restart(at(200), 1));
    }

    @Test
    void aKillEndsThePauseOfAPausedNode() {
        LifecycleRecord life = LifecycleRecord.of(List.of(event(100, EventKind.PAUSED, "paused"),
                event(300, EventKind.DOWN, "killed for a restart"), event(400, EventKind.RESTARTED, "incarnation 1 up")),
                "node-b");

        assertThat(life.pauses()).containsExactly(new LifecycleRecord.Interval(at(100), at(300)));
    }

    @Test
    void otherNodesEventsAreNotThisNodes() {
        LifecycleRecord life = LifecycleRecord.of(List.of(new RunEvents.Event(at(100), EventKind.PAUSED, "node-c", "paused")),
                "node-b");

        assertThat(life.pauses()).isEmpty();
    }

    private static RunEvents.Event event(long millis, EventKind kind, String text) {
        return new RunEvents.Event(at(millis), kind, "node-b", text);
    }
}
