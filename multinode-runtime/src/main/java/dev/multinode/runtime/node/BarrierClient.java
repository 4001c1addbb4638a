package dev.multinode.runtime.node;

import dev.multinode.BarrierFailedException;
import dev.multinode.RunAbortedException;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * A node's side of the conductor's barriers: it checks the call, sends ENTER and waits for the
 * conductor's verdict (RELEASE, BARRIER_FAILED, or ABORT), which the node's receiver thread
 * delivers (or, in thread launch, the conductor itself: {@code conductor.LocalRelease}). The waiter yields briefly ({@link IdleStrategies#YIELD_NANOS}), then parks, and the
 * receiver unparks it with the verdict, so a barrier costs no CPU while it waits and a verdict needs
 * no scheduler turn of a polling waiter: with more runnable threads than cores, waiters that yielded
 * for milliseconds took those turns from the threads they waited for. Where the receiver itself
 * polls (its endpoint cannot wake it) the wait polls as before: parked bodies leave the cores idle,
 * the receivers' yields then end sooner and their parks, which no frame cuts short, add up to 1 ms.
 * Time and parks are the scheduler's; in a simulation, where yielding makes no time pass, the waiter
 * parks at once. The barrier's semantics are all the conductor's.
 */
final class BarrierClient {

    /** Beyond the barrier's own timeout, how long to wait for the conductor's verdict by default. */
    static final Duration CONDUCTOR_GRACE = Duration.ofSeconds(10);
    /**
     * The longest single park: a waiter other than the body thread is not interrupted by an abort
     * that comes without an ABORT frame (a fault removing the node), so it looks again this often.
     */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final NodeControl control;
    private final ConductorLink link;
    private final long graceNanos;
    private final BooleanSupplier receiverSleeps;
    private final Scheduler scheduler;
    private final long yieldNanos;
    private final IdleStrategy polling;

    private volatile Thread waiter;
    private volatile String releasedBarrier;
    private volatile String failure;
    private volatile BarrierFailedException conductorVerdict;

    /**
     * @param grace          how long beyond a barrier's timeout to wait for the conductor's verdict
     * @param receiverSleeps whether the node's receiver sleeps until a frame wakes it; if not (its
     *                       endpoint cannot wake it) it polls, backing off to parks, and so does
     *                       this wait, as long yields keep the receivers' polls frequent
     * @param scheduler      what the wait parks with and reads time from
     */
    BarrierClient(NodeControl control, ConductorLink link, Duration grace, BooleanSupplier receiverSleeps,
                  Scheduler scheduler) {
        this.control = control;
        this.link = link;
        this.graceNanos = grace.toNanos();
        this.receiverSleeps = receiverSleeps;
        this.scheduler = scheduler;
        this.yieldNanos = scheduler.isSimulated() ? 0 : IdleStrategies.YIELD_NANOS;
        this.polling = IdleStrategies.polling(scheduler);
    }

    /**
     * Enters each barrier in turn. The arguments are checked first, so a bad one fails the same way
     * on every node and in every run, before anything is sent.
     *
     * @throws IllegalArgumentException if the timeout is not positive or a name is missing or empty
     * @throws BarrierFailedException   if a barrier fails, with the conductor's explanation
     * @throws RunAbortedException      if the run is aborted meanwhile
     */
    void enter(Duration timeout, String... names) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("enterBarrier timeout must be a positive duration, was " + timeout);
        }
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("enterBarrier needs at least one barrier name, was "
                    + (names == null ? "null" : "none"));
        }
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("enterBarrier names must be non-empty, was " + quoted(names));
            }
        }
        for (String name : names) {
            enter(name, timeout);
        }
    }

    private void enter(String name, Duration timeout) {
        control.checkNotAborted();
        releasedBarrier = null;
        failure = null;
        waiter = Thread.currentThread();
        control.stepIntoBarrier(name);
        try {
            link.sendEnter(name, timeout.toMillis());
            long entered = scheduler.nanoTime();
            long deadline = entered + timeout.toNanos() + graceNanos;
            boolean parks = receiverSleeps.getAsBoolean();
            polling.reset();
            while (!name.equals(releasedBarrier)) {
                boolean aborted = Thread.interrupted() || control.isAborted();
                String failed = failure; // read after the abort: the conductor sends the verdict before it
                if (failed != null) {
                    throw conductorVerdict(failed);
                }
                if (aborted) {
                    throw new RunAbortedException(control.abortReason("while waiting at barrier '" + name + "'"));
                }
                long now = scheduler.nanoTime();
                long left = deadline - now;
                if (left <= 0) { // at the deadline too: a simulation's time stands still while this thread runs
                    throw new BarrierFailedException("Barrier '" + name + "' on " + control.role()
                            + ": no verdict from the conductor within "
                            + (timeout.toMillis() + TimeUnit.NANOSECONDS.toMillis(graceNanos)) + " ms");
                }
                if (!parks) {
                    polling.idle();
                } else if (now - entered < yieldNanos) {
                    Thread.yield();
                } else {
                    scheduler.parkUntil(now + Math.min(left, PARK_NANOS));
                }
            }
            control.stepPastBarrier(name);
        } finally {
            waiter = null;
        }
    }

    private BarrierFailedException conductorVerdict(String reason) {
        BarrierFailedException verdict = new BarrierFailedException(reason);
        conductorVerdict = verdict;
        return verdict;
    }

    /**
     * @param error what a body threw, or null
     * @return whether it is, or was caused by, a barrier failure the conductor reported to this node;
     *     the conductor aborts the run right after such a failure
     */
    boolean isConductorVerdict(Throwable error) {
        BarrierFailedException verdict = conductorVerdict;
        for (Throwable t = error; t != null && verdict != null; t = t.getCause()) {
            if (t == verdict) {
                return true;
            }
        }
        return false;
    }

    /** On the receiver thread, or a conductor's in this JVM: the conductor released a barrier. */
    void released(String name) {
        releasedBarrier = name;
        wake();
    }

    /** On the receiver thread: the barrier this node waits at failed, for that reason. */
    void failed(String reason) {
        failure = reason;
        wake();
    }

    /** On the receiver thread: something the waiter checks changed (the run was aborted). */
    void wake() {
        Thread thread = waiter;
        if (thread != null) {
            scheduler.unpark(thread);
        }
    }

    private static String quoted(String[] names) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (String name : names) {
            text.add(name == null ? "null" : "'" + name + "'");
        }
        return text.toString();
    }
}
