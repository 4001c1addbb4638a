package dev.multinode.runtime.conductor;

import java.time.Duration;

/**
 * The run's deadlines, on the conductor's monotonic clock: the start, the open barrier's, the run's
 * timeout with the wait for the stuck nodes' stacks after it, and the grace nodes get to stop after
 * an abort. {@link #due} says which one has passed; the conductor acts on it.
 */
final class RunDeadlines {

    /** After the run timeout, how long to wait for the stuck nodes' stacks. */
    static final Duration DUMP_WAIT = Duration.ofSeconds(1);
    /**
     * The grace after a run timeout: the stuck nodes answered with their stacks, so their receivers
     * work; a body that honours the abort's interrupt stops within it, one that ignores it never does.
     */
    static final Duration RUN_TIMEOUT_GRACE = Duration.ofSeconds(1);

    /** What has fallen due. */
    enum Due {
        /** Nothing. */
        NOTHING,
        /** Not every node came up in time. */
        START,
        /** The open barrier timed out. */
        BARRIER,
        /** The run timed out: ask the stuck nodes for their stacks. */
        RUN,
        /** The stacks are being collected and their wait is not over. */
        DUMPS_AWAITED,
        /** The wait for the stacks is over. */
        DUMPS_OVERDUE,
        /** The nodes' grace after the abort is over. */
        GRACE_OVER
    }

    private final ConductorTimeouts timeouts;
    private long startDeadline;
    private boolean started;
    private long runDeadline;
    private boolean barrierOpen;
    private long barrierDeadline;
    private long barrierTimeoutMillis;
    private boolean dumping;
    private long dumpDeadline;
    private boolean aborted;
    private long abortDeadline;
    private Duration abortGrace;

    RunDeadlines(ConductorTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** The conductor started: the nodes' time to come up runs from now. */
    void conductorStarted(long now) {
        startDeadline = now + timeouts.start().toNanos();
    }

    /** Every node is up: the bodies' time runs from now, so JVM start-up does not eat into it. */
    void bodiesStarted(long now) {
        started = true;
        runDeadline = now + timeouts.run().toNanos();
    }

    /** A node arrived at the open barrier (the first opens it); the shortest timeout among the arrivals wins. */
    void barrierArrival(long now, long timeoutMillis) {
        long deadline = now + timeoutMillis * 1_000_000L;
        if (!barrierOpen || deadline - barrierDeadline < 0) {
            barrierDeadline = deadline;
            barrierTimeoutMillis = timeoutMillis;
        }
        barrierOpen = true;
    }

    /** The open barrier released its nodes. */
    void barrierClosed() {
        barrierOpen = false;
    }

    /** @return the timeout the open barrier's deadline came from */
    long barrierTimeoutMillis() {
        return barrierTimeoutMillis;
    }

    /** The stuck nodes were asked for their stacks. */
    void dumpsRequested(long now) {
        dumping = true;
        dumpDeadline = now + DUMP_WAIT.toNanos();
    }

    /** The run was aborted: the nodes' grace to stop runs from now, shorter after a run timeout. */
    void aborted(long now) {
        aborted = true;
        abortGrace = dumping ? RUN_TIMEOUT_GRACE : timeouts.abortGrace();
        abortDeadline = now + abortGrace.toNanos();
    }

    /** @return the grace the nodes got after the abort */
    Duration abortGrace() {
        return abortGrace;
    }

    /** @return the run's timeout */
    Duration runTimeout() {
        return timeouts.run();
    }

    /** @return the nodes' time to come up */
    Duration startTimeout() {
        return timeouts.start();
    }

    /** @return the earliest deadline that {@link #due} watches now, on the monotonic clock */
    long next() {
        if (aborted) {
            return abortDeadline;
        }
        if (!started) {
            return startDeadline;
        }
        long next = runDeadline;
        if (barrierOpen && barrierDeadline - next < 0) {
            next = barrierDeadline;
        }
        if (dumping && dumpDeadline - next < 0) {
            next = dumpDeadline;
        }
        return next;
    }

    /**
     * @param now the monotonic clock's reading
     * @return the deadline that has passed, the earliest in the run's life first
     */
    Due due(long now) {
        if (aborted) {
            return now - abortDeadline > 0 ? Due.GRACE_OVER : Due.NOTHING;
        }
        if (!started) {
            return now - startDeadline > 0 ? Due.START : Due.NOTHING;
        }
        if (barrierOpen && now - barrierDeadline > 0) {
            return Due.BARRIER;
        }
        if (dumping) {
            return now - dumpDeadline > 0 ? Due.DUMPS_OVERDUE : Due.DUMPS_AWAITED;
        }
        return now - runDeadline > 0 ? Due.RUN : Due.NOTHING;
    }
}
