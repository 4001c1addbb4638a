package dev.multinode.runtime.conductor;

import java.util.concurrent.TimeUnit;

/**
 * The conductor's time as its deadlines count it. In a run without a debugged node it is the
 * monotonic clock. In a debug run the debugged node sends a heartbeat every 100 ms
 * ({@code node.DebugHeartbeat}); a debugger that suspends the
 * node's threads stops it, and from {@link #ALLOWANCE_NANOS} after the last beat on, counted time
 * stands still until the next beat. So the start, barrier and run timeouts stop counting while the
 * node waits for a debugger or sits at a breakpoint. A late heartbeat (a loaded machine) can only
 * lengthen a deadline, never shorten one. Counted time is continuous and never goes back.
 */
final class CountedTime {

    /** How long after the last heartbeat the node counts as suspended: three periods, for a slow machine. */
    static final long ALLOWANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private boolean watching;
    private long lastBeat;
    private long suspended;

    /**
     * Counted time stands still from now on until the first heartbeat: a node JVM that waits for a
     * debugger runs no code of the runtime yet.
     *
     * @param now the monotonic clock's reading
     */
    void watchFrom(long now) {
        watching = true;
        lastBeat = now;
    }

    /**
     * The debugged node sent a heartbeat: the time it was silent beyond the allowance is suspended
     * time, which never counts.
     *
     * @param now the monotonic clock's reading
     * @return the time since the previous beat that did not count, in nanoseconds (0 if none)
     */
    long heartbeat(long now) {
        long silentTooLong = Math.max(0, now - lastBeat - ALLOWANCE_NANOS);
        suspended += silentTooLong;
        lastBeat = now;
        return silentTooLong;
    }

    /**
     * @param now the monotonic clock's reading
     * @return the time deadlines count, on the same scale as the monotonic clock
     */
    long counted(long now) {
        if (!watching) {
            return now;
        }
        long standsAt = lastBeat + ALLOWANCE_NANOS;
        return (now - standsAt > 0 ? standsAt : now) - suspended;
    }
}
