package dev.multinode.runtime.node;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * How the runtime's threads wait for work. A run has more threads than these machines have cores
 * (three per node plus the conductor), so spinning steals the core that the awaited thread needs:
 * only the receivers, which sit on the message hot path, spin at all, briefly; everyone yields for a
 * few milliseconds and then parks, so idle nodes cost next to nothing.
 */
public final class IdleStrategies {

    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private IdleStrategies() {
    }

    /** @return for a node's receiver thread: a short spin, then about a millisecond of yields, then parking */
    public static IdleStrategy receiver() {
        return new BackoffIdleStrategy(100, 1_000, MIN_PARK_NANOS, MAX_PARK_NANOS);
    }

    /**
     * @return for threads that wait on another thread's progress (a body at a barrier, the
     *     conductor): no spinning, several milliseconds of yields, then parking
     */
    public static IdleStrategy coordinator() {
        return new BackoffIdleStrategy(1, 10_000, MIN_PARK_NANOS, MAX_PARK_NANOS);
    }
}
