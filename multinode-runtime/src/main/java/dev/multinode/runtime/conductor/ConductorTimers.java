package dev.multinode.runtime.conductor;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Actions the conductor runs on its own thread once their time on its clock has come (the end of
 * a restart's downtime), so that a unit test's virtual time drives them like every deadline.
 */
final class ConductorTimers {

    private record Timer(long dueNanos, Runnable action) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::dueNanos));

    /**
     * @param dueNanos when, on the conductor's monotonic clock
     * @param action   what to run then
     */
    void at(long dueNanos, Runnable action) {
        timers.add(new Timer(dueNanos, action));
    }

    /** @return when the earliest action is due, or {@link Long#MAX_VALUE} if none waits */
    long next() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.peek().dueNanos();
    }

    /**
     * @param now the monotonic clock's reading
     * @return how many actions ran
     */
    int act(long now) {
        int ran = 0;
        while (!timers.isEmpty() && timers.peek().dueNanos() - now <= 0) {
            timers.poll().action().run();
            ran++;
        }
        return ran;
    }
}
