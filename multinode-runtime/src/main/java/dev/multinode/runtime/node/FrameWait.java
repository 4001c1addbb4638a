package dev.multinode.runtime.node;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import org.agrona.concurrent.IdleStrategy;
import java.util.function.LongSupplier;

/**
 * How a thread that polls an endpoint (a node's receiver, the conductor) waits while no frame
 * comes: it spins for a few polls, yields for a short while (a frame that comes soon is then taken
 * without the cost of a wake-up), then sleeps in the endpoint's {@link Endpoint#awaitFrames}, which a
 * frame's arrival ends. Yielding for long would keep the thread runnable and so take turns on the
 * cores from the threads it waits for: with more runnable threads than cores (more nodes, or another
 * process busy) every hop of a barrier then waited for the scheduler. An endpoint that cannot wait for frames gets the
 * {@code fallback} strategy instead, from the first time it says so on. The yield time is measured on
 * the run's {@link Scheduler}; in a simulation, where spinning and yielding make no time pass, the
 * wait is built to do neither ({@link IdleStrategies}).
 */
final class FrameWait implements IdleStrategy {

    private final Endpoint endpoint;
    private final Scheduler scheduler;
    private final int spins;
    private final long yieldNanos;
    private final LongSupplier sleepNanos;
    private final IdleStrategy fallback;
    /** Read by the body's barrier wait too ({@link #endpointWaits()}). */
    private volatile boolean endpointWaits = true;
    /** The thread that waits here, for {@link #wake}. */
    private volatile Thread waiter;
    private int spun;
    private long yieldingSince;
    private boolean yielding;

    /**
     * @param endpoint   the endpoint polled
     * @param scheduler  the clock the yield time is measured on
     * @param spins      how many empty polls to spin through before yielding
     * @param yieldNanos how long to yield between empty polls before sleeping
     * @param sleepNanos the longest sleep, asked before each: how late the thread's other work (deadlines,
     *                   commands) may be
     * @param fallback   how to wait when the endpoint cannot
     */
    FrameWait(Endpoint endpoint, Scheduler scheduler, int spins, long yieldNanos, LongSupplier sleepNanos,
              IdleStrategy fallback) {
        this.endpoint = endpoint;
        this.scheduler = scheduler;
        this.spins = spins;
        this.yieldNanos = yieldNanos;
        this.sleepNanos = sleepNanos;
        this.fallback = fallback;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        if (waiter == null) {
            waiter = Thread.currentThread();
        }
        if (!endpointWaits) {
            fallback.idle();
        } else if (spun < spins) {
            spun++;
            Thread.onSpinWait();
        } else {
            long now = scheduler.nanoTime();
            if (!yielding) {
                yielding = true;
                yieldingSince = now;
            }
            if (now - yieldingSince < yieldNanos) {
                Thread.yield();
            } else {
                endpointWaits = endpoint.awaitFrames(sleepNanos.getAsLong());
            }
        }
    }

    @Override
    public void reset() {
        spun = 0;
        yielding = false;
        fallback.reset();
    }

    /** Ends the waiting thread's current sleep (or its next), so that it sees at once what another thread changed. */
    void wake() {
        endpoint.wakeUp();
        Thread waiting = waiter;
        if (waiting != null) {
            scheduler.unpark(waiting);
        }
    }

    /**
     * @return whether the endpoint wakes this thread when a frame arrives: true until it said it
     *     cannot, which it does the first time this thread waits (at the latest while the node waits
     *     for the start)
     */
    boolean endpointWaits() {
        return endpointWaits;
    }

    @Override
    public String alias() {
        return "frame-wait";
    }
}
