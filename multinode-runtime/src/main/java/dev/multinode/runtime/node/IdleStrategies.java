package dev.multinode.runtime.node;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How the runtime's threads that poll an endpoint wait for frames. A run has more threads than
 * these machines have cores (three per node plus the conductor), so spinning or yielding steals the
 * turn that the awaited thread needs: they spin for a few polls, yield for 200 µs and then
 * sleep until a frame arrives ({@link FrameWait}), so idle nodes cost next to nothing and a frame
 * wakes its receiver at once. Over an endpoint that cannot wake them they back off as before: only
 * the receivers, on the message hot path, spin, briefly; everyone yields for a few milliseconds and
 * then parks. In a simulation ({@link Scheduler#isSimulated()}) a thread that spins or yields makes
 * no time pass and never hands control on, so there they neither spin nor yield: they sleep in the
 * endpoint at once, or park through the scheduler.
 */
public final class IdleStrategies {

    /**
     * How long a waiter yields before it sleeps: several 3-node barriers (about 25 µs each), since
     * waking a sleeping thread costs some 30 µs on these machines, so that a barrier that follows
     * soon finds its threads awake. Short enough that, with more runnable threads than cores, they
     * soon stop taking turns from the threads they wait for.
     */
    static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * The conductor's longest sleep: frames and submitted commands wake it, and it sleeps no longer
     * than until its next deadline, so this only bounds how late it notices anything else. It was
     * 1 ms while commands did not wake it: a thousand wake-ups a second of an idle run.
     */
    private static final long CONDUCTOR_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * In a simulation each wake-up is a step, and what wakes the threads there (frames, a receiver's
     * stop; the conductor's deadlines, as no other thread submits commands while the schedule goes on)
     * wakes them in time: the conductor and the receivers sleep this long at most, which bounds how late
     * the conductor sees an abort once the threads run free.
     */
    private static final long SIMULATED_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** A receiver's longest sleep: frames and its stop wake it, so this only bounds how late it sees other changes. */
    private static final long RECEIVER_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int RECEIVER_SPINS = 100;
    private static final int CONDUCTOR_SPINS = 1;

    /** Parks through the scheduler for a fixed time whenever idle: a simulation's polling. */
    private record SchedulerParks(Scheduler scheduler, long parkNanos) implements IdleStrategy {

        @Override
        public void idle(int workCount) {
            if (workCount <= 0) {
                idle();
            }
        }

        @Override
        public void idle() {
            scheduler.parkUntil(scheduler.nanoTime() + parkNanos);
        }

        @Override
        public void reset() {
        }
    }

    private IdleStrategies() {
    }

    /**
     * @param endpoint  the node's endpoint
     * @param scheduler the run's scheduler
     * @return for a node's receiver thread: a short spin, brief yields, then sleeping until a frame
     *     arrives; over an endpoint that cannot wake it, about a millisecond of yields, then parking
     */
    static FrameWait receiver(Endpoint endpoint, Scheduler scheduler) {
        long sleep = scheduler.isSimulated() ? SIMULATED_SLEEP_NANOS : RECEIVER_SLEEP_NANOS;
        return frameWait(endpoint, scheduler, RECEIVER_SPINS, () -> sleep,
                new BackoffIdleStrategy(RECEIVER_SPINS, 1_000, MIN_PARK_NANOS, MAX_PARK_NANOS));
    }

    /**
     * @param endpoint            the conductor's endpoint
     * @param scheduler           the run's scheduler
     * @param nanosToNextDeadline how long until the conductor's next deadline: it sleeps no longer
     * @param wakeUpWith          takes how to end the wait, for the conductor's submitted commands
     * @return for the conductor: no spinning, brief yields, then sleeping until a frame arrives or a
     *     command is submitted; over an endpoint that cannot wake it, several milliseconds of yields,
     *     then parking
     */
    public static IdleStrategy conductor(Endpoint endpoint, Scheduler scheduler, LongSupplier nanosToNextDeadline,
                                         Consumer<Runnable> wakeUpWith) {
        long longest = scheduler.isSimulated() ? SIMULATED_SLEEP_NANOS : CONDUCTOR_SLEEP_NANOS;
        FrameWait wait = frameWait(endpoint, scheduler, CONDUCTOR_SPINS,
                () -> Math.max(MIN_PARK_NANOS, Math.min(longest, nanosToNextDeadline.getAsLong())), polling(scheduler));
        wakeUpWith.accept(wait::wake);
        return wait;
    }

    /**
     * @param scheduler the run's scheduler
     * @return for a thread that waits on another's progress without a wake-up to rely on (the
     *     conductor, a body at a barrier, over an endpoint that cannot wake them): no spinning,
     *     several milliseconds of yields, then parking; in a simulation, parking at once
     */
    static IdleStrategy polling(Scheduler scheduler) {
        return scheduler.isSimulated() ? new SchedulerParks(scheduler, MAX_PARK_NANOS)
                : new BackoffIdleStrategy(CONDUCTOR_SPINS, 10_000, MIN_PARK_NANOS, MAX_PARK_NANOS);
    }

    /** In a simulation without the spins and the yields, and polling by parks where the endpoint cannot wait. */
    private static FrameWait frameWait(Endpoint endpoint, Scheduler scheduler, int spins, LongSupplier sleepNanos,
                                       IdleStrategy fallback) {
        boolean simulated = scheduler.isSimulated();
        return new FrameWait(endpoint, scheduler, simulated ? 0 : spins, simulated ? 0 : YIELD_NANOS, sleepNanos,
                simulated ? polling(scheduler) : fallback);
    }
}
