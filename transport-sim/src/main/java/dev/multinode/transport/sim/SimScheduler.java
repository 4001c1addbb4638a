package dev.multinode.transport.sim;

import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Runs the threads of a simulated run one at a time. A thread that parks or ends chooses, with the
 * run's seed, the next of the threads that can run and hands it control ({@link #drive} starts and
 * watches the run); when no thread can run, virtual time jumps to
 * the earliest deadline of a parked thread or of an {@linkplain #at event} (a frame's arrival), so a
 * run that waits 30 s of failure detection takes milliseconds. Each choice goes into the run's
 * {@link SimTrace}; the same seed makes the same choices as long as the threads take their time,
 * threads and waits from the scheduler only.
 *
 * <p>A thread that keeps control for longer than the step timeout (it blocks outside the scheduler:
 * a socket, {@code Thread.sleep}, a lock held by a thread the simulation does not run) and a thread
 * started outside the scheduler in a node's thread group end the simulation: {@link #drive} throws,
 * naming the thread and where it is, and the remaining threads run on freely, in time that passes
 * as real time does, so that the run can be aborted and cleaned up as any other.
 */
final class SimScheduler implements Scheduler {

    /** The wall clock of every simulated run starts here, so that replays print the same instants. */
    static final Instant EPOCH = Instant.parse("2030-01-01T00:00:00Z");
    private static final long EPOCH_NANOS = TimeUnit.SECONDS.toNanos(EPOCH.getEpochSecond());
    private static final int STACK_FRAMES = 8;
    /** How often the driver looks whether a step keeps control too long. */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private record Event(long due, long sequence, Runnable action) {
    }

    private final SplittableRandom random;
    private final long stepTimeoutNanos;
    private final SimTrace trace;
    private final List<SimThread> live = new ArrayList<>();
    private final List<SimThread> runnable = new ArrayList<>();
    /** Per thread group: how many of this scheduler's threads are alive in it, and whether it is watched for escapes. */
    private final Map<ThreadGroup, int[]> simThreadsPerGroup = new IdentityHashMap<>();
    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparingLong(Event::due).thenComparingLong(Event::sequence));
    private long eventSequence;
    private int started;
    private volatile long now;
    private volatile Thread driver;
    /** The thread that holds control, and since when, in real time: what the driver watches. */
    private SimThread running;
    private long stepStartedReal;
    private boolean finished;
    private IllegalStateException failure;
    /** The thread whose task ended in the last step, which the next one waits to see dead. */
    private volatile SimThread dying;
    /** Set once the schedule cannot go on: threads then run freely, in time that passes as real time does. */
    private volatile boolean free;
    private long freedAtVirtual;
    private long freedAtReal;

    /**
     * @param seed        draws every choice of the schedule
     * @param stepTimeout how long a thread may keep control before it counts as blocked outside the scheduler
     * @param trace       where the choices go
     */
    SimScheduler(long seed, Duration stepTimeout, SimTrace trace) {
        this.random = new SplittableRandom(seed);
        this.stepTimeoutNanos = stepTimeout.toNanos();
        this.trace = trace;
    }

    @Override
    public long nanoTime() {
        if (free) {
            return freedAtVirtual + (System.nanoTime() - freedAtReal);
        }
        return now;
    }

    @Override
    public long epochNanos() {
        return EPOCH_NANOS + nanoTime();
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    @Override
    public Thread newThread(ThreadGroup group, Runnable task, String name) {
        return new SimThread(this, group, task, name);
    }

    @Override
    public ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask) {
        return new SimExecutor(this, threads, factory, beforeEachTask);
    }

    /**
     * Runs {@code action} once virtual time reaches {@code due}, before any thread runs at that time
     * (on the thread that passes control on then); actions due at the same time run in the order
     * they were asked for.
     *
     * @param due    when, on {@link #nanoTime()}
     * @param action what to do: it must not block
     */
    void at(long due, Runnable action) {
        synchronized (this) {
            if (!free) {
                events.add(new Event(due, eventSequence++, action));
                return;
            }
        }
        action.run(); // nothing fires events once the threads run free: a frame arrives at once
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        SimThread self = ownThread(Thread.currentThread());
        if (self == null || free) {
            long left = deadlineNanos - nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(this, left);
            }
            return;
        }
        if (!checkForEscapes(self)) {
            return;
        }
        synchronized (this) {
            if (self.permit) {
                self.permit = false;
                return;
            }
            self.state = SimThread.State.PARKED;
            self.deadline = deadlineNanos;
            if (passControl(self) == self) {
                return; // chosen again: it runs on without a switch
            }
        }
        awaitControl(self);
    }

    @Override
    public void unpark(Thread thread) {
        SimThread target = ownThread(thread);
        if (target == null || free) {
            LockSupport.unpark(thread);
            return;
        }
        synchronized (this) {
            if (target.state == SimThread.State.PARKED) {
                target.state = SimThread.State.RUNNABLE;
            } else if (target.state != SimThread.State.ENDED) {
                target.permit = true;
            }
        }
    }

    /**
     * Hands control to the first thread and watches the run until all threads have ended. Control
     * then passes from thread to thread directly, each choosing the next when it parks or ends, so a
     * step costs one switch between threads, none when a thread is chosen again; this thread only
     * wakes to see whether one step has kept control for longer than the step timeout.
     *
     * @throws IllegalStateException if a thread blocked outside the scheduler, a node started a thread
     *     of its own, or every thread waits for ever
     */
    @Override
    public void drive() {
        driver = Thread.currentThread();
        synchronized (this) {
            if (live.isEmpty()) {
                return;
            }
            passControl(null);
        }
        while (true) {
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                if (finished) {
                    return;
                }
                if (System.nanoTime() - stepStartedReal > stepTimeoutNanos) {
                    failure = stuck(running.getName() + " kept control for "
                            + TimeUnit.NANOSECONDS.toMillis(stepTimeoutNanos) + " ms without parking through the node:"
                            + " it blocks outside the simulation (a socket, Thread.sleep, Object.wait, a lock of a thread"
                            + " of its own, a Future of a plain executor)\n" + describe(List.of(running)));
                    throw failure;
                }
            }
            LockSupport.parkNanos(this, WATCH_NANOS);
        }
    }

    /**
     * Chooses the next thread and gives it control; called, holding the lock, by the thread that
     * parks or ends (or by the driver for the first step).
     *
     * @param from the thread giving control up, or null
     * @return the thread chosen, or null if all have ended or the schedule cannot go on
     */
    private SimThread passControl(SimThread from) {
        if (from != null) {
            from.holdsControl = false;
        }
        SimThread next;
        try {
            next = choose();
        } catch (IllegalStateException cannotGoOn) {
            fail(cannotGoOn);
            return null;
        }
        if (next == null) {
            finished = true;
            LockSupport.unpark(driver);
            return null;
        }
        next.state = SimThread.State.RUNNING;
        trace.step(next.index, now);
        running = next;
        stepStartedReal = System.nanoTime();
        next.holdsControl = true;
        if (next != from) {
            LockSupport.unpark(next);
        }
        return next;
    }

    private void fail(IllegalStateException cannotGoOn) {
        failure = cannotGoOn;
        LockSupport.unpark(driver);
    }

    /** @return the next thread to run, after virtual time moved on as far as needed; null once all ended */
    private SimThread choose() {
        while (true) {
            fireDueEvents();
            runnable.clear();
            long earliest = Long.MAX_VALUE;
            for (SimThread thread : live) {
                if (thread.state == SimThread.State.PARKED && thread.deadline - now <= 0) {
                    thread.state = SimThread.State.RUNNABLE;
                }
                if (thread.state == SimThread.State.RUNNABLE) {
                    runnable.add(thread);
                } else if (thread.state == SimThread.State.PARKED) {
                    earliest = Math.min(earliest, thread.deadline);
                }
            }
            if (!runnable.isEmpty()) {
                return runnable.get(runnable.size() == 1 ? 0 : random.nextInt(runnable.size()));
            }
            if (!events.isEmpty()) {
                earliest = Math.min(earliest, events.peek().due());
            }
            if (earliest == Long.MAX_VALUE) {
                if (live.isEmpty()) {
                    return null;
                }
                throw stuck("every thread waits and none for a time (a wait outside the harness's deadlines):\n"
                        + describe(live));
            }
            now = Math.max(now, earliest);
        }
    }

    private void fireDueEvents() {
        while (!events.isEmpty() && events.peek().due() - now <= 0) {
            Event event = events.poll();
            trace.event(event.sequence(), now);
            event.action().run();
        }
    }

    /** Called by a thread of this scheduler: waits until control is its, or the schedule is over. */
    void awaitControl(SimThread self) {
        boolean interrupted = false;
        while (!self.holdsControl && !free) {
            LockSupport.park(this);
            // an interrupt makes park return at once: keep it for the thread, but do not spin on it
            interrupted |= Thread.interrupted();
        }
        SimThread ended = dying;
        if (ended != null && !free) {
            dying = null;
            // the thread that ended gave control up a moment before it died: it is dead before anyone
            // looks, so that isAlive() (a node stopping its receiver) answers the same in every replay
            while (ended.isAlive()) {
                try {
                    ended.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            self.interrupt();
        }
    }

    synchronized void register(SimThread thread) {
        thread.index = started++;
        thread.state = SimThread.State.RUNNABLE;
        live.add(thread);
        // a group watched for escapes is one that held no other thread when the first of this scheduler's
        // joined it (a node's own group), unlike the runner's, where the test framework's threads live
        simThreadsPerGroup.computeIfAbsent(thread.getThreadGroup(),
                group -> new int[] {0, group.activeCount() == 0 ? 1 : 0})[0]++;
        trace.started(thread.index, thread.getName());
    }

    void ended(SimThread thread) {
        checkForEscapes(thread);
        synchronized (this) {
            thread.state = SimThread.State.ENDED;
            live.remove(thread);
            int[] count = simThreadsPerGroup.get(thread.getThreadGroup());
            if (count != null && --count[0] == 0) {
                simThreadsPerGroup.remove(thread.getThreadGroup());
            }
            if (!free) {
                dying = thread;
                passControl(thread);
            }
        }
    }

    /**
     * A node's threads share its thread group, so a thread in that group that this scheduler did not
     * make was started by the node itself and runs outside the schedule.
     */
    /** @return false if it found an escape, after which the threads run free */
    private boolean checkForEscapes(SimThread stepped) {
        ThreadGroup group = stepped.getThreadGroup();
        if (group == null) {
            return true;
        }
        int own;
        synchronized (this) {
            int[] count = simThreadsPerGroup.get(group);
            if (count == null || count[1] == 0) {
                return true;
            }
            own = count[0];
        }
        if (group.activeCount() <= own) {
            return true;
        }
        Thread[] threads = new Thread[group.activeCount() + 4];
        int found = group.enumerate(threads, false);
        for (int i = 0; i < found; i++) {
            if (ownThread(threads[i]) == null && threads[i].isAlive()) {
                fail(stuck("thread '" + threads[i].getName() + "' of " + group.getName() + " was started outside the node"
                        + " (in " + stepped.getName() + "'s step): in a simulation a node's threads must come from"
                        + " node.executor(); a thread of its own runs outside the schedule and no seed replays it\n"
                        + describe(List.of(threads[i]))));
                return false;
            }
        }
        return true;
    }

    private IllegalStateException stuck(String why) {
        List<Event> pending;
        synchronized (this) {
            freedAtVirtual = now;
            freedAtReal = System.nanoTime();
            free = true;
            pending = new ArrayList<>(events);
            pending.sort(Comparator.comparingLong(Event::due).thenComparingLong(Event::sequence));
            events.clear();
            for (SimThread thread : live) {
                LockSupport.unpark(thread);
            }
        }
        pending.forEach(event -> event.action().run()); // frames under way arrive, so that an abort reaches every node
        return new IllegalStateException("The simulation cannot go on at step " + trace.steps() + " ("
                + Duration.ofNanos(now) + " of virtual time): " + why);
    }

    private SimThread ownThread(Thread thread) {
        return thread instanceof SimThread simThread && simThread.scheduler() == this ? simThread : null;
    }

    private static String describe(List<? extends Thread> threads) {
        return threads.stream().map(thread -> "  " + thread.getName() + " (" + thread.getState() + ") at "
                        + Arrays.stream(thread.getStackTrace()).limit(STACK_FRAMES).map(String::valueOf)
                        .collect(Collectors.joining("\n      ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public SimTrace trace() {
        return trace;
    }

    @Override
    public String toString() {
        return "simulation at step " + trace.steps() + ", " + Duration.ofNanos(now) + " of virtual time";
    }
}
