package dev.multinode.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Three threads each note five steps, yielding between them: the interleaving is the seed's. */
    private static List<String> interleaving(long seed) {
        SimScheduler scheduler = new SimScheduler(seed, STEP_TIMEOUT, new SimTrace());
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        for (String name : List.of("a", "b", "c")) {
            scheduler.newThread(group, () -> {
                for (int step = 0; step < 5; step++) {
                    order.add(name + step);
                    scheduler.parkUntil(scheduler.nanoTime());
                }
            }, "worker-" + name).start();
        }
        scheduler.drive();
        return order;
    }

    @Test
    void theSameSeedInterleavesTheThreadsTheSameWayAndOtherSeedsOtherWays() {
        List<String> first = interleaving(42);
        assertEquals(15, first.size());
        assertEquals(first, interleaving(42));
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            seen.add(interleaving(seed));
        }
        assertTrue(seen.size() > 10, "20 seeds gave only " + seen.size() + " interleavings");
    }

    @Test
    void onlyOneThreadRunsAtATime() {
        SimScheduler scheduler = new SimScheduler(7, STEP_TIMEOUT, new SimTrace());
        AtomicLong running = new AtomicLong();
        AtomicLong overlaps = new AtomicLong();
        for (int i = 0; i < 4; i++) {
            scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
                for (int step = 0; step < 200; step++) {
                    if (running.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    running.decrementAndGet();
                    scheduler.parkUntil(scheduler.nanoTime());
                }
            }, "spinner-" + i).start();
        }
        scheduler.drive();
        assertEquals(0, overlaps.get());
    }

    @Test
    void timeJumpsToTheNextDeadlineWhenNoThreadCanRun() {
        SimScheduler scheduler = new SimScheduler(1, STEP_TIMEOUT, new SimTrace());
        List<Long> woke = new ArrayList<>();
        scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            scheduler.parkUntil(30 * SECOND);
            woke.add(scheduler.nanoTime());
        }, "sleeper").start();
        long realStart = System.nanoTime();
        scheduler.drive();
        assertEquals(List.of(30 * SECOND), woke);
        assertTrue(System.nanoTime() - realStart < 5 * SECOND, "30 s of virtual time took real seconds");
        assertEquals(SimScheduler.EPOCH.plusSeconds(30).getEpochSecond() * SECOND, scheduler.epochNanos());
    }

    @Test
    void anUnparkWakesAParkedThreadAndAnEarlierOneMakesTheNextParkReturn() {
        SimScheduler scheduler = new SimScheduler(3, STEP_TIMEOUT, new SimTrace());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread[] waiter = new Thread[1];
        waiter[0] = scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            scheduler.parkUntil(Long.MAX_VALUE);
            seen.add("woken at " + scheduler.nanoTime());
        }, "waiter");
        waiter[0].start();
        scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            scheduler.parkUntil(5 * SECOND);
            scheduler.unpark(waiter[0]);
            scheduler.unpark(Thread.currentThread());
            scheduler.parkUntil(Long.MAX_VALUE); // the permit: returns at once
            seen.add("permit used");
        }, "waker").start();
        scheduler.drive();
        assertTrue(seen.containsAll(List.of("woken at " + 5 * SECOND, "permit used")), seen.toString());
    }

    @Test
    void eventsFireInTimeOrderAndWakeThreads() {
        SimScheduler scheduler = new SimScheduler(5, STEP_TIMEOUT, new SimTrace());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread waiter = scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            scheduler.parkUntil(Long.MAX_VALUE);
            seen.add("thread at " + scheduler.nanoTime());
        }, "waiter");
        waiter.start();
        scheduler.at(2 * SECOND, () -> {
            seen.add("second at " + scheduler.nanoTime());
            scheduler.unpark(waiter);
        });
        scheduler.at(SECOND, () -> seen.add("first at " + scheduler.nanoTime()));
        scheduler.drive();
        assertEquals(List.of("first at " + SECOND, "second at " + 2 * SECOND, "thread at " + 2 * SECOND), seen);
    }

    @Test
    void everyThreadWaitingForEverIsReportedNotHung() {
        SimScheduler scheduler = new SimScheduler(9, STEP_TIMEOUT, new SimTrace());
        scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> scheduler.parkUntil(Long.MAX_VALUE),
                "forgotten").start();
        IllegalStateException stuck = assertThrows(IllegalStateException.class, scheduler::drive);
        assertTrue(stuck.getMessage().contains("every thread waits") && stuck.getMessage().contains("forgotten"),
                stuck.getMessage());
    }

    @Test
    void aThreadBlockedOutsideTheSchedulerIsNamedAndTheRestRunFree() throws InterruptedException {
        SimScheduler scheduler = new SimScheduler(11, Duration.ofMillis(200), new SimTrace());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> {
            try {
                release.await(); // a wait the simulation does not see
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.countDown();
        }, "blocker").start();
        IllegalStateException stuck = assertThrows(IllegalStateException.class, scheduler::drive);
        assertTrue(stuck.getMessage().contains("blocker kept control for 200 ms"), stuck.getMessage());
        assertTrue(stuck.getMessage().contains("CountDownLatch.await"), stuck.getMessage());
        release.countDown();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        long before = scheduler.nanoTime();
        assertNotEquals(before, waitForTimeToPass(scheduler, before), "time stands still once the threads run free");
    }

    @Test
    void aThreadANodeStartsOfItsOwnIsNamed() throws InterruptedException {
        SimScheduler scheduler = new SimScheduler(13, STEP_TIMEOUT, new SimTrace());
        ThreadGroup node = new ThreadGroup("node-a");
        CountDownLatch release = new CountDownLatch(1);
        Thread[] own = new Thread[1];
        scheduler.newThread(node, () -> {
            own[0] = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "its-own");
            own[0].start();
            scheduler.parkUntil(scheduler.nanoTime() + SECOND);
        }, "node-a-body").start();
        IllegalStateException escape = assertThrows(IllegalStateException.class, scheduler::drive);
        assertTrue(escape.getMessage().contains("thread 'its-own' of node-a was started outside the node"), escape.getMessage());
        release.countDown();
        own[0].join(10_000);
    }

    /** A node stopping its receiver polls whether the thread is alive: the answer must not depend on real timing. */
    @Test
    void aThreadWhoseTaskEndedIsDeadBeforeTheNextOneRuns() {
        SimScheduler scheduler = new SimScheduler(19, STEP_TIMEOUT, new SimTrace());
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        AtomicLong seenAlive = new AtomicLong();
        scheduler.newThread(group, () -> {
            for (int i = 0; i < 200; i++) {
                Thread worker = scheduler.newThread(group, () -> { }, "worker-" + i);
                worker.start();
                scheduler.parkUntil(scheduler.nanoTime() + 1); // the worker runs and ends meanwhile
                if (worker.isAlive()) {
                    seenAlive.incrementAndGet();
                }
            }
        }, "starter").start();
        scheduler.drive();
        assertEquals(0, seenAlive.get(), "workers seen alive after their task ended");
    }

    @Test
    void theCurrentSchedulerOfASimulatedThreadIsTheSimulation() {
        SimScheduler scheduler = new SimScheduler(17, STEP_TIMEOUT, new SimTrace());
        List<Scheduler> seen = new ArrayList<>();
        scheduler.newThread(Thread.currentThread().getThreadGroup(), () -> seen.add(Scheduler.current()), "asker").start();
        scheduler.drive();
        assertEquals(List.of(scheduler), seen);
        assertEquals(Scheduler.system(), Scheduler.current());
    }

    private static long waitForTimeToPass(SimScheduler scheduler, long before) {
        long deadline = System.nanoTime() + 5 * SECOND;
        long now = scheduler.nanoTime();
        while (now == before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            now = scheduler.nanoTime();
        }
        return now;
    }
}
