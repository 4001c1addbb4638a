package dev.multinode.runtime.node;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** True time that a test moves by hand: a monotonic and a wall source that advance together. */
final class FakeTime {

    /** Where the true wall clock starts. */
    static final Instant EPOCH = Instant.parse("2026-12-03T08:00:00Z");
    /** Like {@code System.nanoTime}'s, the monotonic source's origin is arbitrary. */
    private static final long MONOTONIC_ORIGIN = TimeUnit.DAYS.toNanos(3);
    private static final long EPOCH_NANOS = TimeUnit.SECONDS.toNanos(EPOCH.getEpochSecond());

    private long elapsedNanos;

    /** @return a clock on this time, as a node's starts: at true time and speed */
    AdjustableClock clock() {
        return new AdjustableClock(this::monotonic, this::wallEpochNanos);
    }

    void advance(Duration by) {
        elapsedNanos += by.toNanos();
    }

    long monotonic() {
        return MONOTONIC_ORIGIN + elapsedNanos;
    }

    long wallEpochNanos() {
        return EPOCH_NANOS + elapsedNanos;
    }

    Instant now() {
        return EPOCH.plusNanos(elapsedNanos);
    }
}
