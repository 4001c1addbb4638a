package dev.multinode.transport.sim;

import dev.multinode.spi.Scheduler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A {@link ScheduledExecutorService} that reads time and waits only through a {@link Scheduler}, so
 * that it runs in a simulation's virtual time: a {@link ScheduledThreadPoolExecutor} reads
 * {@code System.nanoTime} and blocks in {@code LockSupport}, which a simulation never sees. It
 * behaves as the system scheduler's executor: a ScheduledThreadPoolExecutor with
 * {@code removeOnCancelPolicy} set, {@code executeExistingDelayedTasksAfterShutdownPolicy} cleared
 * and {@code beforeEachTask} run before each task. It differs where that would wait outside the
 * scheduler or lose a task: {@code invokeAny} submits all its tasks at once, and a
 * {@code beforeEachTask} that throws fails the task instead of ending the worker. Null arguments
 * are refused with an IllegalArgumentException.
 *
 * <p>Tasks wait in one queue ordered by due time, then by submission: a total order, so equal due
 * times run in submission order and a seeded run is repeatable. Workers come from the factory when
 * more tasks wait than workers are free, at most {@code threads}, and stay until shutdown. A
 * worker without a due task parks until the first task is due; a submission that becomes the
 * first, or a worker that takes the first while others wait, unparks one parked worker to look
 * again. Threads waiting for a future or for termination park too, each where the completion it
 * waits for unparks it.
 *
 * <p>All state is guarded by one lock, held only for short bookkeeping. Nothing that may hand
 * control to another thread under a simulation (parking, unparking, making or starting a thread,
 * running a task) happens while it is held: that thread could then block on the lock outside the
 * scheduler, and the run would hang. The unparks and the workers to start that a locked section
 * finds go into a {@link Deferred}, acted on once the lock is released. Sets of threads keep
 * insertion order, so that wake-ups come in an order the run determines.
 */
final class SimExecutor implements ScheduledExecutorService {

    /**
     * The longest delay, timeout or period: about 146 years. Deadlines are compared by their
     * difference, as {@code nanoTime} values must be, which is exact while they lie less than
     * {@code Long.MAX_VALUE} apart.
     */
    private static final long LONGEST = Long.MAX_VALUE / 2;

    private enum RunState { RUNNING, SHUTDOWN, STOP }

    private enum Phase { PENDING, RUNNING, DONE, FAILED, CANCELLED }

    private final Scheduler scheduler;
    private final int threads;
    private final ThreadFactory factory;
    private final Runnable beforeEachTask;
    private final Object lock = new Object();
    // Guarded by lock:
    private final TreeSet<SimTask<?>> queue = new TreeSet<>(SimExecutor::byDueThenSubmission);
    /** The workers that have started, for shutdownNow to interrupt. */
    private final Set<Thread> workers = new LinkedHashSet<>();
    /** Workers parked for want of a due task that no one has unparked since. */
    private final Set<Thread> sleepers = new LinkedHashSet<>();
    private final Set<Thread> terminationWaiters = new LinkedHashSet<>();
    /** Workers made or about to be, not yet exited. */
    private int workerCount;
    /** Workers between taking a task and finishing it. */
    private int busy;
    private long submissions;
    private RunState runState = RunState.RUNNING;

    /**
     * @param scheduler      the clock and the parking of every wait
     * @param threads        the most workers, at least 1
     * @param factory        makes the workers (with {@link Scheduler#newThread})
     * @param beforeEachTask runs on the worker before each task (a paused node's gate)
     */
    SimExecutor(Scheduler scheduler, int threads, ThreadFactory factory, Runnable beforeEachTask) {
        if (threads < 1) {
            throw new IllegalArgumentException("A sim executor needs at least 1 thread, not " + threads);
        }
        this.scheduler = require(scheduler, "scheduler");
        this.threads = threads;
        this.factory = require(factory, "factory");
        this.beforeEachTask = require(beforeEachTask, "beforeEachTask");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return queueTask(Executors.callable(require(task, "task"), result), 0, 0);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return queueTask(Executors.callable(require(command, "task")), nanos(delay, unit), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return queueTask(require(callable, "task"), nanos(delay, unit), 0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return queueTask(Executors.callable(require(command, "task")), nanos(initialDelay, unit), positive("period", period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return queueTask(Executors.callable(require(command, "task")), nanos(initialDelay, unit), -positive("delay", delay, unit));
    }

    /**
     * Drops the delayed and periodic tasks still waiting (cancelling them) and rejects new ones; the
     * tasks already due run, and periodic tasks running now do not come back.
     */
    @Override
    public void shutdown() {
        Deferred deferred = new Deferred();
        synchronized (lock) {
            if (runState == RunState.RUNNING) {
                runState = RunState.SHUTDOWN;
                long now = scheduler.nanoTime();
                for (Iterator<SimTask<?>> waiting = queue.iterator(); waiting.hasNext(); ) {
                    SimTask<?> task = waiting.next();
                    if (task.period != 0 || task.due - now > 0) {
                        waiting.remove();
                        task.finish(Phase.CANCELLED, null, deferred);
                    }
                }
                wakeSleepers(deferred); // to run what is left, or to exit
                whenTerminated(deferred);
            }
        }
        deferred.release();
    }

    /** @return the tasks that had not started, which stay neither done nor cancelled (as in a thread pool) */
    @Override
    public List<Runnable> shutdownNow() {
        Deferred deferred = new Deferred();
        List<Runnable> notRun;
        synchronized (lock) {
            runState = RunState.STOP;
            notRun = new ArrayList<>(queue);
            queue.clear();
            for (Thread worker : workers) {
                worker.interrupt(); // under the lock, as in cancel
                deferred.unpark(worker);
            }
            sleepers.clear();
            whenTerminated(deferred);
        }
        deferred.release();
        return notRun;
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return runState != RunState.RUNNING;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return terminated();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return await(this::terminated, List.of(terminationWaiters), true, deadline(timeout, unit));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return invokeAll(tasks, false, 0);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return invokeAll(tasks, true, deadline(timeout, unit));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, false, 0);
        } catch (TimeoutException e) {
            throw new AssertionError("An untimed wait timed out", e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return invokeAny(tasks, true, deadline(timeout, unit));
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "sim executor (" + runState + ", " + workerCount + " of " + threads + " workers, "
                    + busy + " busy, " + queue.size() + " queued)";
        }
    }

    /** Waits for every task, or until the deadline, then cancels those not done (as AbstractExecutorService does). */
    private <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, boolean timed, long deadline)
            throws InterruptedException {
        List<SimTask<T>> submitted = submitAll(tasks);
        try {
            for (SimTask<T> task : submitted) {
                if (!await(task::finished, List.of(task.waiters), timed, deadline)) {
                    break;
                }
            }
            return new ArrayList<>(submitted);
        } finally {
            cancelAll(submitted); // those not done at the deadline or at an interrupt; the others stay as they are
        }
    }

    /**
     * Runs all the tasks and returns the result of one that succeeds, cancelling the others. Unlike
     * AbstractExecutorService it submits them all at once: its completion service waits in a
     * blocking queue, outside the scheduler.
     */
    private <T> T invokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (require(tasks, "tasks").isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        List<SimTask<T>> submitted = submitAll(tasks);
        List<Set<Thread>> waiters = submitted.stream().map(task -> task.waiters).toList();
        try {
            BooleanSupplier decided = () -> submitted.stream().anyMatch(task -> task.phase == Phase.DONE)
                    || submitted.stream().allMatch(SimTask::finished);
            if (!await(decided, waiters, timed, deadline)) {
                throw new TimeoutException("No task of invokeAny succeeded in time on " + this);
            }
            synchronized (lock) {
                for (SimTask<T> task : submitted) {
                    if (task.phase == Phase.DONE) {
                        return task.outcome();
                    }
                }
                // all failed or were cancelled: report the last
                try {
                    return submitted.get(submitted.size() - 1).outcome();
                } catch (CancellationException e) {
                    throw new ExecutionException(e);
                }
            }
        } finally {
            cancelAll(submitted);
        }
    }

    /** Submits every task, or none: on a rejection the ones submitted before are cancelled. */
    private <T> List<SimTask<T>> submitAll(Collection<? extends Callable<T>> tasks) {
        List<SimTask<T>> submitted = new ArrayList<>(require(tasks, "tasks").size());
        try {
            for (Callable<T> task : tasks) {
                submitted.add(queueTask(require(task, "task"), 0, 0));
            }
            return submitted;
        } catch (RuntimeException e) {
            cancelAll(submitted);
            throw e;
        }
    }

    private static void cancelAll(List<? extends SimTask<?>> tasks) {
        for (SimTask<?> task : tasks) {
            task.cancel(true);
        }
    }

    /**
     * @param period 0 for a task that runs once; else positive for a fixed rate, negative for a fixed
     *               delay after each run (as in ScheduledThreadPoolExecutor)
     */
    private <V> SimTask<V> queueTask(Callable<V> callable, long delayNanos, long period) {
        Deferred deferred = new Deferred();
        SimTask<V> task;
        synchronized (lock) {
            task = new SimTask<>(callable, scheduler.nanoTime() + delayNanos, period, submissions++);
            if (runState != RunState.RUNNING) {
                throw new RejectedExecutionException(this + " is shut down; rejected " + task);
            }
            enqueue(task, deferred);
        }
        deferred.release();
        return task;
    }

    /** Under the lock: queues the task, waking a worker if it became the first and adding one if all are taken. */
    private void enqueue(SimTask<?> task, Deferred deferred) {
        queue.add(task);
        if (queue.first() == task) {
            wakeOneSleeper(deferred); // the sleepers wait for a later task, or for none
        }
        if (workerCount < threads && queue.size() > workerCount - busy) {
            workerCount++;
            deferred.addWorker();
        }
    }

    /** Makes and starts a worker for a slot counted in workerCount; gives the slot back if that fails. */
    private void startWorker() {
        try {
            Thread worker = factory.newThread(this::work);
            if (worker == null) {
                throw new IllegalStateException(factory + " made no thread for " + this);
            }
            worker.start();
        } catch (RuntimeException | Error e) {
            Deferred deferred = new Deferred();
            synchronized (lock) {
                workerCount--;
                whenTerminated(deferred);
            }
            deferred.release();
            throw e;
        }
    }

    /** A worker's life: the hook and each task it takes, until shutdown leaves nothing to take. */
    private void work() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            workers.add(me);
        }
        try {
            for (SimTask<?> task = take(me); task != null; task = take(me)) {
                Throwable hookFailure = null;
                try {
                    beforeEachTask.run();
                } catch (Throwable e) {
                    hookFailure = e; // fails the task, rather than losing it with the worker
                }
                task.perform(hookFailure, true);
            }
        } finally {
            Deferred deferred = new Deferred();
            synchronized (lock) {
                workers.remove(me);
                sleepers.remove(me); // if it ended by a throw from its park, no wake-up may go to it
                workerCount--;
                whenTerminated(deferred);
            }
            deferred.release();
        }
    }

    /**
     * Parks until a task is due, and takes it: the first in (due time, submission) order.
     *
     * @return the task, or null once the worker should exit
     */
    private SimTask<?> take(Thread me) {
        while (true) {
            Deferred deferred = new Deferred();
            SimTask<?> taken = null;
            long deadline;
            synchronized (lock) {
                sleepers.remove(me);
                if (runState == RunState.STOP || (runState == RunState.SHUTDOWN && queue.isEmpty())) {
                    return null;
                }
                // An interrupt left by the last task, or by a cancel(true) aimed at it, must neither
                // reach the next task nor make every park return at once.
                Thread.interrupted();
                long now = scheduler.nanoTime();
                deadline = queue.isEmpty() ? noDeadline(now) : queue.first().due;
                if (deadline - now <= 0) {
                    taken = queue.pollFirst();
                    busy++;
                    if (!queue.isEmpty()) {
                        // the sleepers may wait for the task just taken: one looks at the next
                        wakeOneSleeper(deferred);
                    }
                } else {
                    sleepers.add(me);
                }
            }
            deferred.release();
            if (taken != null) {
                return taken;
            }
            scheduler.parkUntil(deadline);
        }
    }

    /** Under the lock. */
    private void wakeOneSleeper(Deferred deferred) {
        Iterator<Thread> first = sleepers.iterator();
        if (first.hasNext()) {
            deferred.unpark(first.next());
            first.remove();
        }
    }

    /** Under the lock. */
    private void wakeSleepers(Deferred deferred) {
        deferred.unparkAll(sleepers);
        sleepers.clear();
    }

    /** Under the lock. */
    private boolean terminated() {
        return runState != RunState.RUNNING && workerCount == 0 && queue.isEmpty();
    }

    /** Under the lock: wakes those awaiting termination if it has come. */
    private void whenTerminated(Deferred deferred) {
        if (terminated()) {
            deferred.unparkAll(terminationWaiters);
        }
    }

    /**
     * Parks the calling thread through the scheduler until {@code done}, checked under the lock,
     * holds. Between checks the thread is in {@code waiterSets}, where whatever makes {@code done}
     * true finds and unparks it.
     *
     * @param timed    whether the deadline counts
     * @param deadline when to give up, on the scheduler's clock
     * @return whether {@code done} holds; false if the deadline passed first
     * @throws InterruptedException if the thread is interrupted while {@code done} does not hold
     */
    private boolean await(BooleanSupplier done, List<Set<Thread>> waiterSets, boolean timed, long deadline)
            throws InterruptedException {
        Thread me = Thread.currentThread();
        try {
            while (true) {
                long until;
                synchronized (lock) {
                    if (done.getAsBoolean()) {
                        return true;
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    long now = scheduler.nanoTime();
                    if (timed && deadline - now <= 0) {
                        return false;
                    }
                    until = timed ? deadline : noDeadline(now);
                    for (Set<Thread> waiters : waiterSets) {
                        waiters.add(me);
                    }
                }
                scheduler.parkUntil(until);
            }
        } finally {
            synchronized (lock) {
                for (Set<Thread> waiters : waiterSets) {
                    waiters.remove(me);
                }
            }
        }
    }

    private long deadline(long timeout, TimeUnit unit) {
        return scheduler.nanoTime() + nanos(timeout, unit);
    }

    /** @return the duration in nanoseconds, negative ones as 0 and at most {@link #LONGEST} */
    private static long nanos(long duration, TimeUnit unit) {
        return Math.min(Math.max(require(unit, "unit").toNanos(duration), 0), LONGEST);
    }

    /**
     * The deadline of a wait for an unpark alone: {@code Long.MAX_VALUE}, which a simulation takes
     * for a wait without a time (and reports the run stuck when every thread waits so, instead of
     * jumping decades ahead). Only a clock that reads negative would see that value as past, so it
     * gets a deadline {@link #LONGEST} ahead instead.
     */
    private static long noDeadline(long now) {
        return Long.MAX_VALUE - now > 0 ? Long.MAX_VALUE : now + LONGEST;
    }

    private static long positive(String name, long duration, TimeUnit unit) {
        if (duration <= 0) {
            throw new IllegalArgumentException("The " + name + " must be positive, not " + duration + " " + unit);
        }
        return nanos(duration, unit);
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("The " + name + " is null");
        }
        return value;
    }

    /** The queue's order; under the lock, since a periodic task's due time moves between runs. */
    private static int byDueThenSubmission(SimTask<?> a, SimTask<?> b) {
        int byDue = Long.compare(a.due - b.due, 0);
        return byDue != 0 ? byDue : Long.compare(a.sequence, b.sequence);
    }

    /**
     * What a locked section leaves to do once the lock is released: unpark threads and start
     * workers. Unparks come first, so that a failing thread factory loses no wake-up.
     */
    private final class Deferred {

        private final List<Thread> unparks = new ArrayList<>();
        private int workersToStart;

        void unpark(Thread thread) {
            unparks.add(thread);
        }

        void unparkAll(Collection<Thread> threads) {
            unparks.addAll(threads);
        }

        void addWorker() {
            workersToStart++;
        }

        void release() {
            for (Thread thread : unparks) {
                scheduler.unpark(thread);
            }
            for (; workersToStart > 0; workersToStart--) {
                startWorker();
            }
        }
    }

    /** A task and its future. Its mutable fields are guarded by the executor's lock. */
    private final class SimTask<V> implements RunnableScheduledFuture<V> {

        private final Callable<V> callable;
        /** 0 for a task that runs once; positive for a fixed rate, negative for a fixed delay. */
        private final long period;
        private final long sequence;
        /** Threads waiting for it to finish. */
        private final Set<Thread> waiters = new LinkedHashSet<>();
        private long due;
        private Phase phase = Phase.PENDING;
        /** The result, or what it threw. */
        private Object outcome;
        /** The thread running it, for cancel(true). */
        private Thread runner;

        SimTask(Callable<V> callable, long due, long period, long sequence) {
            this.callable = callable;
            this.due = due;
            this.period = period;
            this.sequence = sequence;
        }

        /** Runs it on the calling thread, as a task returned by shutdownNow may be. */
        @Override
        public void run() {
            perform(null, false);
        }

        /**
         * Runs it once, unless it finished or the executor's state forbids it; a periodic task that
         * did not fail goes back to the queue.
         *
         * @param hookFailure what beforeEachTask threw, which fails the task without running it
         * @param onWorker    whether a worker took it from the queue, and is free again afterwards
         */
        void perform(Throwable hookFailure, boolean onWorker) {
            Deferred deferred = new Deferred();
            boolean started;
            synchronized (lock) {
                started = start(deferred);
                if (!started && onWorker) {
                    busy--;
                }
            }
            if (started) {
                Object result = hookFailure;
                boolean failed = hookFailure != null;
                if (!failed) {
                    try {
                        result = callable.call();
                    } catch (Throwable e) {
                        result = e;
                        failed = true;
                    }
                }
                synchronized (lock) {
                    if (onWorker) {
                        busy--; // before end: a periodic task coming back counts this worker free
                    }
                    end(result, failed, deferred);
                }
            }
            deferred.release();
        }

        /** Under the lock: whether it may run now, as in ScheduledThreadPoolExecutor; if so it is running. */
        private boolean start(Deferred deferred) {
            queue.remove(this); // run by hand while queued
            if (phase != Phase.PENDING) {
                return false;
            }
            boolean mayRun = runState == RunState.RUNNING || (runState == RunState.SHUTDOWN && period == 0);
            if (!mayRun) {
                finish(Phase.CANCELLED, null, deferred);
                return false;
            }
            phase = Phase.RUNNING;
            runner = Thread.currentThread();
            return true;
        }

        /** Under the lock, after a run. */
        private void end(Object result, boolean failed, Deferred deferred) {
            runner = null;
            if (phase == Phase.CANCELLED) {
                return; // while it ran; its waiters are awake
            }
            if (failed) {
                finish(Phase.FAILED, result, deferred);
            } else if (period == 0) {
                finish(Phase.DONE, result, deferred);
            } else if (runState != RunState.RUNNING) {
                finish(Phase.CANCELLED, null, deferred);
            } else {
                // a fixed rate counts from the due time, so a late run is followed by the next on time
                due = period > 0 ? due + period : scheduler.nanoTime() - period;
                phase = Phase.PENDING;
                enqueue(this, deferred);
            }
        }

        /** Under the lock. */
        private void finish(Phase finalPhase, Object result, Deferred deferred) {
            phase = finalPhase;
            outcome = result;
            deferred.unparkAll(waiters);
        }

        /** Under the lock. */
        private boolean finished() {
            return phase == Phase.DONE || phase == Phase.FAILED || phase == Phase.CANCELLED;
        }

        /** Under the lock, once finished. */
        private V outcome() throws ExecutionException {
            switch (phase) {
                case DONE:
                    @SuppressWarnings("unchecked")
                    V result = (V) outcome;
                    return result;
                case FAILED:
                    throw new ExecutionException((Throwable) outcome);
                default:
                    throw new CancellationException(this + " was cancelled");
            }
        }

        /** Removes it from the queue at once; with {@code mayInterruptIfRunning}, interrupts its run. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            Deferred deferred = new Deferred();
            synchronized (lock) {
                if (finished()) {
                    return false;
                }
                queue.remove(this);
                if (mayInterruptIfRunning && runner != null) {
                    // Under the lock: the runner takes it to end this run, and clears its interrupt
                    // only after that, so the interrupt cannot reach its next task.
                    runner.interrupt();
                    deferred.unpark(runner);
                }
                finish(Phase.CANCELLED, null, deferred);
            }
            deferred.release();
            return true;
        }

        @Override
        public boolean isCancelled() {
            synchronized (lock) {
                return phase == Phase.CANCELLED;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (lock) {
                return finished();
            }
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            await(this::finished, List.of(waiters), false, 0);
            synchronized (lock) {
                return outcome();
            }
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            if (!await(this::finished, List.of(waiters), true, deadline(timeout, unit))) {
                throw new TimeoutException(this + " did not finish within " + timeout + " " + unit);
            }
            synchronized (lock) {
                return outcome();
            }
        }

        @Override
        public boolean isPeriodic() {
            return period != 0;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (lock) {
                return unit.convert(due - scheduler.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof SimTask<?> task) {
                synchronized (lock) {
                    return byDueThenSubmission(this, task);
                }
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public String toString() {
            synchronized (lock) {
                return "task " + callable + " (" + phase + (period != 0 ? ", periodic)" : ")");
            }
        }
    }
}
