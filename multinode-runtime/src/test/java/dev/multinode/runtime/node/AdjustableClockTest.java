package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.NodeClock;
import dev.multinode.runtime.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A node's clock under skews and drifts, on true time the test moves by hand. */
class AdjustableClockTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeTime time = new FakeTime();
    private final AdjustableClock clock = time.clock();

    @Test
    void itStartsAtTrueTimeAndSpeedInUtc() {
        time.advance(SECOND);

        assertThat(clock.instant()).isEqualTo(time.now());
        assertThat(clock.nanoTime()).isEqualTo(time.monotonic());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aNodesClockReadsTrueTimeFromTheRunsScheduler() {
        VirtualScheduler virtual = new VirtualScheduler();
        AdjustableClock onTheScheduler = new AdjustableClock(virtual);

        virtual.advance(SECOND);

        assertThat(onTheScheduler.instant()).isEqualTo(VirtualScheduler.EPOCH.plus(SECOND));
        assertThat(onTheScheduler.nanoTime()).isEqualTo(virtual.nanoTime());
    }

    @Test
    void aSkewMovesTheWallClockOnly() {
        skewsByAnHourAtRate(1);
    }

    @Test
    void aLaterSkewReplacesTheOffsetAndZeroRestoresTrueTime() {
        clock.skew(HOUR.toNanos());
        clock.skew(Duration.ofMinutes(-5).toNanos());

        assertThat(clock.instant()).isEqualTo(time.now().minus(Duration.ofMinutes(5)));

        clock.skew(0);

        assertThat(clock.instant()).isEqualTo(time.now());
    }

    @Test
    void aDriftContinuesFromTheCurrentReadingsAtItsRateForBothReadings() {
        time.advance(SECOND);
        Instant wallBefore = clock.instant();
        long nanoBefore = clock.nanoTime();

        clock.drift(2);

        assertThat(clock.instant()).isEqualTo(wallBefore);
        assertThat(clock.nanoTime()).isEqualTo(nanoBefore);

        time.advance(SECOND);

        assertThat(clock.instant()).isEqualTo(wallBefore.plus(Duration.ofSeconds(2)));
        assertThat(clock.nanoTime()).isEqualTo(nanoBefore + Duration.ofSeconds(2).toNanos());

        clock.drift(0.5);
        time.advance(Duration.ofSeconds(4));

        assertThat(clock.instant()).isEqualTo(wallBefore.plus(Duration.ofSeconds(4)));
        assertThat(clock.nanoTime()).isEqualTo(nanoBefore + Duration.ofSeconds(4).toNanos());
    }

    @Test
    void rateOneRestoresTrueSpeedAndKeepsWhatTheDriftGained() {
        clock.drift(3);
        time.advance(SECOND);
        clock.drift(1);
        time.advance(SECOND);

        assertThat(clock.instant()).isEqualTo(time.now().plus(Duration.ofSeconds(2)));
        assertThat(clock.nanoTime()).isEqualTo(time.monotonic() + Duration.ofSeconds(2).toNanos());
    }

    @Test
    void aSkewAfterADriftSetsTheOffsetAndTheClockKeepsItsRate() {
        clock.drift(2);
        skewsByAnHourAtRate(2);
    }

    @Test
    void millisAndInstantAgreeEvenBeforeTheEpoch() {
        clock.skew(Duration.ofMillis(1).plusNanos(400_000).toNanos());

        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli()).isEqualTo(time.now().toEpochMilli() + 1);

        long toHalfAMilliBeforeTheEpoch = -Duration.between(Instant.EPOCH, time.now()).toNanos() - 500_000;
        clock.skew(toHalfAMilliBeforeTheEpoch);

        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.minusNanos(500_000));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli()).isEqualTo(-1);
    }

    @Test
    void aZoneViewReadsTheSameClockAndSeesLaterFaults() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        NodeClock view = clock.withZone(paris);

        clock.skew(HOUR.toNanos());
        clock.drift(2);
        time.advance(SECOND);

        assertThat(view.getZone()).isEqualTo(paris);
        assertThat(view.instant()).isEqualTo(clock.instant()).isEqualTo(time.now().plus(HOUR).plus(SECOND));
        assertThat(view.millis()).isEqualTo(clock.millis());
        assertThat(view.nanoTime()).isEqualTo(clock.nanoTime());
        assertThat(view.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void aNullZoneIsRefused() {
        assertThatThrownBy(() -> clock.withZone(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withZone(null): the zone must be a ZoneId, e.g. ZoneOffset.UTC");
    }

    /**
     * A second into the clock's current rate, skews it by an hour: its wall clock reads true time
     * plus the hour at once and its nanoTime does not jump; a second later both have advanced at
     * that rate.
     */
    private void skewsByAnHourAtRate(double rate) {
        time.advance(SECOND);
        long nanoBefore = clock.nanoTime();

        clock.skew(HOUR.toNanos());

        assertThat(clock.instant()).isEqualTo(time.now().plus(HOUR));
        assertThat(clock.nanoTime()).isEqualTo(nanoBefore);

        time.advance(SECOND);

        long advancedNanos = (long) (rate * SECOND.toNanos());
        assertThat(clock.instant()).isEqualTo(time.now().plus(HOUR).plusNanos(advancedNanos - SECOND.toNanos()));
        assertThat(clock.nanoTime()).isEqualTo(nanoBefore + advancedNanos);
    }
}
