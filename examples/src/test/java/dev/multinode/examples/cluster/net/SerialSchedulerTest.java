package dev.multinode.examples.cluster.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The real scheduler, on a real two-thread executor like a node's. */
class SerialSchedulerTest {

    private static final long WAIT_SECONDS = 5;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private final SerialScheduler scheduler =
            new SerialScheduler(executor, System::nanoTime, LoggerFactory.getLogger(SerialSchedulerTest.class));

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void tasksFromManyThreadsNeverOverlapAndAllRun() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads * perThread);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    scheduler.execute(() -> {
                        if (!inside.compareAndSet(false, true)) {
                            overlaps.incrementAndGet();
                        }
                        inside.set(false);
                        done.countDown();
                    });
                }
            });
            submitters.add(submitter);
            submitter.start();
        }
        for (Thread submitter : submitters) {
            submitter.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
        assertEquals(0, overlaps.get());
    }

    @Test
    void tasksFromOneThreadRunInOrderAndAFailureDoesNotStopTheRest() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            int n = i;
            scheduler.execute(() -> {
                order.add(n);
                if (n == 50) {
                    throw new IllegalStateException("task 50 fails on purpose");
                }
            });
        }
        scheduler.execute(done::countDown);
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(200, order.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void aCancelledTimerNeverRunsAndARepeatingOneRepeatsUntilCancelled() throws Exception {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        scheduler.schedule(Duration.ofMillis(20), () -> cancelledRan.set(true)).cancel();
        CountDownLatch threeTimes = new CountDownLatch(3);
        Cancellable repeating = scheduler.scheduleRepeatedly(Duration.ofMillis(5), threeTimes::countDown);
        assertTrue(threeTimes.await(WAIT_SECONDS, TimeUnit.SECONDS));
        repeating.cancel();
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(40), later::countDown);
        assertTrue(later.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(cancelledRan.get());
    }

    @Test
    void shutdownDropsTheTasksNotYetStartedAndRunsTheLastOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch lastRan = new CountDownLatch(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        scheduler.execute(() -> awaitQuietly(release));
        scheduler.execute(() -> scheduler.shutdown(() -> {
            ran.add("last");
            lastRan.countDown();
        }));
        scheduler.execute(() -> ran.add("queued before the shutdown ran"));
        release.countDown();
        assertTrue(lastRan.await(WAIT_SECONDS, TimeUnit.SECONDS));
        scheduler.execute(() -> ran.add("submitted after"));
        CountDownLatch timer = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(1), timer::countDown);
        assertFalse(timer.await(50, TimeUnit.MILLISECONDS), "no timer fires after shutdown");
        assertEquals(List.of("last"), ran);
    }

    @Test
    void shutdownFromAnotherThreadReturnsOnceTheLastTaskRan() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        scheduler.execute(() -> ran.add("first"));
        scheduler.shutdown(() -> ran.add("last"));
        assertEquals("last", ran.get(ran.size() - 1));
    }

    @Test
    void shutdownAfterTheExecutorStoppedRunsTheLastTaskInline() throws Exception {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
        List<String> ran = new ArrayList<>();
        scheduler.shutdown(() -> ran.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName()), ran);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
