package dev.multinode;

import java.time.Clock;

/**
 * A node's clock, for the system under test to take its time from, which
 * {@link Faults#skewClock} and {@link Faults#driftClock} change. Only code that reads this clock
 * (its {@link #instant()}, {@link #millis()} or {@link #nanoTime()}) sees those faults; the JVM's
 * own {@code System.currentTimeMillis()} and {@code System.nanoTime()} stay true.
 *
 * <p>A skew moves the wall clock ({@code instant}, {@code millis}) only, as a clock step would;
 * {@link #nanoTime()} is monotonic and never jumps. A drift changes the rate of both.
 */
public abstract class NodeClock extends Clock {

    /** For the runtime, which implements it. */
    protected NodeClock() {
    }

    /**
     * @return a monotonic time in nanoseconds, like {@link System#nanoTime()}, at this node's rate;
     *     only differences between two readings mean anything
     */
    public abstract long nanoTime();
}
