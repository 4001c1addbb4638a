package dev.multinode.runtime.node;

import dev.multinode.NodeClock;
import dev.multinode.spi.Scheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A node's clock, which the clock faults change: {@link #skew} sets how far its wall clock is ahead
 * of true wall time, {@link #drift} the rate at which both its wall clock and its
 * {@link #nanoTime()} advance. One per node, shared by the {@link NodeFacade} that hands it to the
 * body and the {@link FaultApplier} that changes it.
 *
 * <p>It reads true time from two sources, a monotonic one and a wall clock, injected so that a test
 * can drive it. Each change starts a new {@link Segment} from the readings of that moment, so a
 * drift never makes either reading jump, and a skew moves the wall clock only. Between two changes
 * both readings advance with the monotonic source at the segment's rate. The segment is immutable
 * and published through a volatile field: readings take no lock and {@link #millis()} and
 * {@link #nanoTime()} allocate nothing.
 */
final class AdjustableClock extends NodeClock {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * The clock between two changes.
     *
     * @param anchorMonotonic the monotonic source's reading when it began
     * @param nanoAtAnchor    the clock's {@code nanoTime} then
     * @param wallAtAnchor    the clock's wall time then, in epoch nanoseconds
     * @param rate            how fast the clock runs, 1 being true speed
     */
    private record Segment(long anchorMonotonic, long nanoAtAnchor, long wallAtAnchor, double rate) {

        long nanoAt(long monotonic) {
            return nanoAtAnchor + elapsed(monotonic);
        }

        long wallAt(long monotonic) {
            return wallAtAnchor + elapsed(monotonic);
        }

        private long elapsed(long monotonic) {
            return (long) ((monotonic - anchorMonotonic) * rate);
        }
    }

    private final LongSupplier monotonic;
    private final LongSupplier wallEpochNanos;
    private volatile Segment segment;

    /** @param scheduler the run's scheduler, whose monotonic and wall clocks are true time */
    AdjustableClock(Scheduler scheduler) {
        this(scheduler::nanoTime, scheduler::epochNanos);
    }

    /**
     * @param monotonic      true monotonic time in nanoseconds, like {@code System.nanoTime()}
     * @param wallEpochNanos true wall time in nanoseconds since the epoch
     */
    AdjustableClock(LongSupplier monotonic, LongSupplier wallEpochNanos) {
        this.monotonic = monotonic;
        this.wallEpochNanos = wallEpochNanos;
        long now = monotonic.getAsLong();
        this.segment = new Segment(now, now, wallEpochNanos.getAsLong(), 1);
    }

    /**
     * From now on the wall clock reads true wall time plus {@code offsetNanos}, advancing at the
     * current rate. It replaces any earlier skew (zero restores true time) and leaves
     * {@link #nanoTime()} where it is, as a clock step would.
     *
     * @param offsetNanos how far ahead of true wall time, negative for behind
     */
    synchronized void skew(long offsetNanos) {
        Segment current = segment;
        long now = monotonic.getAsLong();
        segment = new Segment(now, current.nanoAt(now), wallEpochNanos.getAsLong() + offsetNanos, current.rate());
    }

    /**
     * From now on both the wall clock and {@link #nanoTime()} advance at {@code rate} times true
     * speed, from their current readings. Rate 1 restores true speed; what the clock gained or lost
     * stays until a skew replaces the offset.
     *
     * @param rate how fast, positive (the caller checked it)
     */
    synchronized void drift(double rate) {
        Segment current = segment;
        long now = monotonic.getAsLong();
        segment = new Segment(now, current.nanoAt(now), current.wallAt(now), rate);
    }

    @Override
    public long nanoTime() {
        return segment.nanoAt(monotonic.getAsLong());
    }

    @Override
    public long millis() {
        return Math.floorDiv(wallNanos(), NANOS_PER_MILLI);
    }

    @Override
    public Instant instant() {
        long nanos = wallNanos();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * @param zone the zone the view reports
     * @return this clock for UTC, else a view in {@code zone} of this clock, which later faults change too
     * @throws IllegalArgumentException if the zone is null
     */
    @Override
    public NodeClock withZone(ZoneId zone) {
        if (zone == null) {
            throw new IllegalArgumentException("withZone(null): the zone must be a ZoneId, e.g. ZoneOffset.UTC");
        }
        return zone.equals(ZoneOffset.UTC) ? this : new ZoneView(this, zone);
    }

    @Override
    public String toString() {
        return "AdjustableClock[rate " + segment.rate() + ", " + instant() + "]";
    }

    private long wallNanos() {
        return segment.wallAt(monotonic.getAsLong());
    }

    /** The node's clock in another zone: the same readings, so the same faults. */
    private static final class ZoneView extends NodeClock {

        private final AdjustableClock clock;
        private final ZoneId zone;

        ZoneView(AdjustableClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime();
        }

        @Override
        public long millis() {
            return clock.millis();
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public NodeClock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public String toString() {
            return clock + " in " + zone;
        }
    }
}
