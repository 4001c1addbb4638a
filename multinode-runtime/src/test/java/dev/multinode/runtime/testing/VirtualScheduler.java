package dev.multinode.runtime.testing;

import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A simulating scheduler for a test on one thread. Time stands still but at parks: a park first
 * runs what the test set to happen during it ({@link #atNextParks}), as the other threads of a
 * simulation would, then returns at once if that unparked the thread, or else jumps time to the
 * park's deadline, as a simulation does when no thread can run. A wait that spins, yields or reads
 * the system's clock instead never ends under it, so a test of it needs a timeout.
 */
public final class VirtualScheduler implements Scheduler {

    /** Where the wall clock starts. */
    public static final Instant EPOCH = Instant.parse("2026-12-03T08:00:00Z");
    /** Like {@code System.nanoTime}'s, the monotonic clock's origin is arbitrary. */
    private static final long ORIGIN = TimeUnit.DAYS.toNanos(3);
    private static final long EPOCH_NANOS = TimeUnit.SECONDS.toNanos(EPOCH.getEpochSecond());

    private final List<Duration> parks = new ArrayList<>();
    private long now = ORIGIN;
    private boolean unparked;
    private final Deque<Runnable> atParks = new ArrayDeque<>();

    /** @param actions what the other threads do during the next parks, one each; later parks see nothing happen */
    public void atNextParks(Runnable... actions) {
        atParks.addAll(Arrays.asList(actions));
    }

    /** @return how long each park so far was to last at most, in order */
    public List<Duration> parks() {
        return parks;
    }

    /** @param by how far to move time */
    public void advance(Duration by) {
        now += by.toNanos();
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long epochNanos() {
        return EPOCH_NANOS + now - ORIGIN;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        parks.add(Duration.ofNanos(deadlineNanos - now));
        if (!unparked && !atParks.isEmpty()) {
            atParks.poll().run();
        }
        if (unparked) {
            unparked = false;
        } else {
            now = Math.max(now, deadlineNanos);
        }
    }

    /** Only the test's own thread parks: any unpark is for it. */
    @Override
    public void unpark(Thread thread) {
        unparked = true;
    }

    @Override
    public Thread newThread(ThreadGroup group, Runnable task, String name) {
        throw new UnsupportedOperationException("a test on one thread starts no other");
    }

    @Override
    public ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask) {
        throw new UnsupportedOperationException("a test on one thread starts no executor");
    }

    @Override
    public boolean isSimulated() {
        return true;
    }
}
