package dev.multinode.transport.sim;

import dev.multinode.spi.Scheduler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test scheduler whose clock moves only when the test advances it. Its threads are real and park
 * in {@code LockSupport} until unparked or until an advance reaches their deadline. The test can
 * wait until threads have parked for a given deadline: the sign that they read the clock and found
 * nothing to do before then.
 */
final class ManualScheduler implements Scheduler {

    private final Object lock = new Object();
    /** The deadline of each parked thread; a thread is removed when it is woken. */
    private final Map<Thread, Long> parked = new LinkedHashMap<>();
    private long now;

    /** @param start the clock's first reading */
    ManualScheduler(long start) {
        now = start;
    }

    @Override
    public long nanoTime() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public long epochNanos() {
        return nanoTime();
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            if (deadlineNanos - now <= 0) {
                return;
            }
            parked.put(me, deadlineNanos);
            lock.notifyAll();
        }
        LockSupport.park(this);
        synchronized (lock) {
            parked.remove(me);
        }
    }

    @Override
    public void unpark(Thread thread) {
        synchronized (lock) {
            parked.remove(thread);
        }
        LockSupport.unpark(thread);
    }

    @Override
    public Thread newThread(ThreadGroup group, Runnable task, String name) {
        Thread thread = new Thread(group, task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask) {
        return new SimExecutor(this, threads, factory, beforeEachTask);
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    /** Moves the clock on and wakes the threads whose deadline it reached. */
    void advance(long duration, TimeUnit unit) {
        List<Thread> woken = new ArrayList<>();
        synchronized (lock) {
            now += unit.toNanos(duration);
            for (Iterator<Map.Entry<Thread, Long>> entries = parked.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<Thread, Long> entry = entries.next();
                if (entry.getValue() - now <= 0) {
                    woken.add(entry.getKey());
                    entries.remove();
                }
            }
        }
        woken.forEach(LockSupport::unpark);
    }

    /** Waits until a thread is parked until {@code deadline}; see {@link #awaitParked}. */
    void awaitParkedUntil(long deadline) throws InterruptedException {
        awaitParked(deadline, 1);
    }

    /**
     * Waits (in real time) until {@code threads} threads are parked until {@code deadline}.
     *
     * @throws AssertionError if they are not within 10 seconds, saying what is parked
     */
    void awaitParked(long deadline, int threads) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (lock) {
            while (parked.values().stream().filter(parkedUntil -> parkedUntil == deadline).count() < threads) {
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Not " + threads + " threads parked until " + deadline + " (now " + now + "): " + parked);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }
}
