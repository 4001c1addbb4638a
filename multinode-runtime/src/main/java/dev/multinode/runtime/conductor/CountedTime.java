package dev.multinode.runtime.conductor;

import java.util.concurrent.TimeUnit;

/**
 * The conductor's time as its deadlines count it. In a run without a debugged node it is the
 * monotonic clock. In a debug run the debugged node sends a heartbeat every 100 ms
 * ({@code node.DebugHeartbeat}); a debugger that suspends the node's threads stops it, and from
 * {@link #ALLOWANCE_NANOS} after the last beat on, counted time stands still until the next beat. So
 * the start, barrier and run timeouts stop counting while the node waits for a debugger or sits at
 * a breakpoint. A node that cannot beat (it is gone, or down for a restart) is not waited for. A
 * late heartbeat (a loaded machine) can only lengthen a deadline, never shorten one. Counted time
 * is continuous and never goes back.
 */
final class CountedTime {

    /** How long after the last heartbeat the node counts as suspended: three periods, for a slow machine. */
    static final long ALLOWANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private boolean expectingBeats;
    private long lastBeat;
    private long suspended;

    /**
     * Says whether the debugged node can beat now; called on every duty cycle, it acts on a change.
     * A JVM that waits for a debugger runs no code of the runtime yet, but is expected to beat: so
     * counted time stands still until its first beat.
     *
     * @param canBeat whether the node is there to beat (not gone, not down for a restart)
     * @param now     the monotonic clock's reading
     */
    void expectBeats(boolean canBeat, long now) {
        if (canBeat == expectingBeats) {
            return;
        }
        if (canBeat) {
            lastBeat = now;
        } else {
            heartbeat(now); // the node's silence up to now may have been a debugger's; from now on it is not
        }
        expectingBeats = canBeat;
    }

    /**
     * The debugged node sent a heartbeat: the time it was silent beyond the allowance is suspended
     * time, which never counts.
     *
     * @param now the monotonic clock's reading
     * @return the time since the previous beat that did not count, in nanoseconds (0 if none)
     */
    long heartbeat(long now) {
        if (!expectingBeats) {
            return 0; // a beat of an incarnation that is going away
        }
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
        long standsAt = lastBeat + ALLOWANCE_NANOS;
        return (expectingBeats && now - standsAt > 0 ? standsAt : now) - suspended;
    }
}
