package dev.multinode.runtime.conductor;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

/**
 * The conductor's clocks: a monotonic one for its deadlines and a wall clock for the timeline,
 * whose instants sit beside the nodes' log lines. Injected: a run's come from its scheduler, and a
 * test drives the conductor in virtual time by advancing both.
 *
 * @param monotonic for deadlines
 * @param wall      for the instants of events and phases
 */
public record ConductorClock(NanoClock monotonic, EpochNanoClock wall) {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** @return the monotonic clock's reading, in nanoseconds */
    long nanoTime() {
        return monotonic.nanoTime();
    }

    /** @return the wall clock's reading */
    Instant now() {
        long nanos = wall.nanoTime();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
