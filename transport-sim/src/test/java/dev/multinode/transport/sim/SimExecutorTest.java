package dev.multinode.transport.sim;

import static java.util.concurrent.TimeUnit.HOURS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sim executor on the system's scheduler, in real time and with real concurrency (delays small,
 * bounds one-sided for a slow machine), and on a {@link ManualScheduler} whose clock the test moves.
 */
@Timeout(60)
class SimExecutorTest {

    private static final long WAIT_SECONDS = 10;

    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final List<SimExecutor> executors = new ArrayList<>();

    @AfterEach
    void stopExecutors() throws InterruptedException {
        for (SimExecutor executor : executors) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS), executor + " did not terminate");
        }
    }

    private SimExecutor executor(int threads) {
        return executor(Scheduler.system(), threads, () -> { });
    }

    private SimExecutor executor(Scheduler scheduler, int threads, Runnable beforeEachTask) {
        ThreadFactory factory = task -> {
            Thread thread = scheduler.newThread(null, task, "sim-executor-test-" + made.size());
            made.add(thread);
            return thread;
        };
        SimExecutor executor = new SimExecutor(scheduler, threads, factory, beforeEachTask);
        executors.add(executor);
        return executor;
    }

    // --- on the system's scheduler

    @Test
    void delayedTasksRunNoEarlierThanDueAndInDueOrder() throws Exception {
        SimExecutor executor = executor(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        long scheduledAt = System.nanoTime();
        int[] delays = {40, 10, 25};
        List<ScheduledFuture<Long>> futures = new ArrayList<>();
        for (int delay : delays) {
            futures.add(executor.schedule(() -> {
                order.add(delay);
                return System.nanoTime();
            }, delay, MILLISECONDS));
        }
        assertTrue(futures.get(0).getDelay(MILLISECONDS) <= 40);

        for (int i = 0; i < delays.length; i++) {
            long ranAfter = futures.get(i).get(WAIT_SECONDS, SECONDS) - scheduledAt;
            assertTrue(ranAfter >= MILLISECONDS.toNanos(delays[i]), "due after " + delays[i] + " ms, ran after " + ranAfter + " ns");
        }
        assertEquals(List.of(10, 25, 40), order);
    }

    @Test
    void tasksDueAtOnceRunInSubmissionOrder() throws Exception {
        SimExecutor executor = executor(1);
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> awaitQuietly(release)); // the others queue up behind it
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            futures.add(executor.submit(() -> order.add(index)));
        }
        release.countDown();
        futures.get(futures.size() - 1).get(WAIT_SECONDS, SECONDS);
        assertEquals(IntStream.range(0, 20).boxed().toList(), order);
    }

    @Test
    void fixedRateAndFixedDelayRunRepeatedlyNotEarly() throws Exception {
        SimExecutor executor = executor(2);
        long period = MILLISECONDS.toNanos(10);
        long scheduledAt = System.nanoTime();
        List<Long> rateStarts = new CopyOnWriteArrayList<>();
        List<Long> delayStarts = new CopyOnWriteArrayList<>();
        CountDownLatch fiveAtRate = new CountDownLatch(5);
        CountDownLatch fiveWithDelay = new CountDownLatch(5);
        ScheduledFuture<?> rate = executor.scheduleAtFixedRate(() -> {
            rateStarts.add(System.nanoTime());
            fiveAtRate.countDown();
        }, 10, 10, MILLISECONDS);
        ScheduledFuture<?> delay = executor.scheduleWithFixedDelay(() -> {
            delayStarts.add(System.nanoTime());
            fiveWithDelay.countDown();
            sleep(5); // the next run is due 10 ms after this one ends
        }, 10, 10, MILLISECONDS);

        assertTrue(fiveAtRate.await(WAIT_SECONDS, SECONDS), "runs at a fixed rate: " + rateStarts);
        assertTrue(fiveWithDelay.await(WAIT_SECONDS, SECONDS), "runs with a fixed delay: " + delayStarts);
        rate.cancel(false);
        delay.cancel(false);
        for (int run = 0; run < 5; run++) {
            assertTrue(rateStarts.get(run) - scheduledAt >= period * (run + 1), "run " + run + " at a fixed rate came early");
        }
        for (int run = 1; run < 5; run++) {
            long gap = delayStarts.get(run) - delayStarts.get(run - 1);
            assertTrue(gap >= MILLISECONDS.toNanos(15), "runs with a fixed delay only " + gap + " ns apart");
        }
    }

    @Test
    void aPeriodicTaskThatThrowsStopsAndItsFutureReportsTheCause() throws Exception {
        SimExecutor executor = executor(1);
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> periodic = executor.scheduleAtFixedRate(() -> {
            if (runs.incrementAndGet() == 3) {
                throw new IllegalStateException("third run");
            }
        }, 0, 5, MILLISECONDS);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> periodic.get(WAIT_SECONDS, SECONDS));
        assertEquals("third run", failure.getCause().getMessage());
        assertTrue(periodic.isDone());
        assertFalse(periodic.isCancelled());
        executor.schedule(() -> { }, 30, MILLISECONDS).get(WAIT_SECONDS, SECONDS); // six periods on
        assertEquals(3, runs.get());
    }

    @Test
    void cancelRemovesTheTaskAtOnce() throws Exception {
        SimExecutor executor = executor(1);
        ScheduledFuture<?> cancelled = executor.schedule(() -> { }, 1, HOURS);
        ScheduledFuture<?> kept = executor.schedule(() -> { }, 1, HOURS);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        ScheduledFuture<?> periodic = executor.scheduleAtFixedRate(() -> {
            runs.incrementAndGet();
            twice.countDown();
        }, 0, 5, MILLISECONDS);
        assertTrue(twice.await(WAIT_SECONDS, SECONDS));

        assertTrue(cancelled.cancel(false));
        assertTrue(periodic.cancel(false));
        int runsAtCancel = runs.get();
        assertFalse(cancelled.cancel(false), "cancelled twice");
        assertTrue(cancelled.isCancelled() && cancelled.isDone());
        assertThrows(CancellationException.class, cancelled::get);
        executor.schedule(() -> { }, 30, MILLISECONDS).get(WAIT_SECONDS, SECONDS);
        assertEquals(runsAtCancel, runs.get(), "the cancelled periodic task ran on");
        assertEquals(List.of(kept), executor.shutdownNow());
    }

    @Test
    void shutdownDropsWaitingDelayedAndPeriodicTasksRunsDueOnesAndRejectsNewOnes() throws Exception {
        SimExecutor executor = executor(1);
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> awaitQuietly(release));
        Future<String> due = executor.submit(() -> "due");
        ScheduledFuture<?> delayed = executor.schedule(() -> { }, 1, HOURS);
        ScheduledFuture<?> periodic = executor.scheduleAtFixedRate(() -> { }, 0, 1, MILLISECONDS);

        executor.shutdown();
        assertTrue(executor.isShutdown());
        assertTrue(delayed.isCancelled(), "delayed task kept");
        assertTrue(periodic.isCancelled(), "periodic task kept");
        assertFalse(due.isDone());
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
        assertTrue(rejected.getMessage().contains("is shut down"), rejected.getMessage());
        assertThrows(RejectedExecutionException.class, () -> executor.schedule(() -> { }, 1, MILLISECONDS));

        release.countDown();
        assertEquals("due", due.get(WAIT_SECONDS, SECONDS));
        assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS));
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownNowInterruptsTheRunningTaskAndReturnsTheWaitingOnes() throws Exception {
        SimExecutor executor = executor(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<String> running = executor.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(WAIT_SECONDS, SECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                return "interrupted";
            }
        });
        Future<?> waiting = executor.submit(() -> { });
        assertTrue(started.await(WAIT_SECONDS, SECONDS));

        List<Runnable> notRun = executor.shutdownNow();
        assertEquals(List.of(waiting), notRun);
        assertEquals("interrupted", running.get(WAIT_SECONDS, SECONDS));
        assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS));
        assertFalse(waiting.isDone(), "a task returned by shutdownNow stays as it was");
    }

    @Test
    void cancelWithInterruptStopsTheRunAndTheInterruptDoesNotReachTheNextTask() throws Exception {
        SimExecutor executor = executor(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<?> running = executor.submit(() -> {
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            interrupted.countDown(); // and ends with the interrupt still set
        });
        assertTrue(started.await(WAIT_SECONDS, SECONDS));

        assertTrue(running.cancel(true));
        assertTrue(running.isCancelled());
        assertTrue(interrupted.await(WAIT_SECONDS, SECONDS), "the running task was not interrupted");
        assertFalse(executor.submit(() -> Thread.currentThread().isInterrupted()).get(WAIT_SECONDS, SECONDS),
                "the next task on the worker found it interrupted");
    }

    @Test
    void awaitTerminationWaitsForTheRunningTask() throws Exception {
        SimExecutor executor = executor(1);
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> awaitQuietly(release));
        executor.shutdown();

        long before = System.nanoTime();
        assertFalse(executor.awaitTermination(20, MILLISECONDS));
        assertTrue(System.nanoTime() - before >= MILLISECONDS.toNanos(20), "awaitTermination returned early");
        assertFalse(executor.isTerminated());
        release.countDown();
        assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS));

        SimExecutor unused = executor(1);
        unused.shutdown();
        assertTrue(unused.isTerminated(), "an executor that never made a worker terminates at shutdown");
    }

    @Test
    void futuresWaitForTheResultTimeOutAndReportFailures() throws Exception {
        SimExecutor executor = executor(2);
        assertEquals("later", executor.schedule(() -> "later", 20, MILLISECONDS).get());
        assertEquals(42, executor.submit(() -> 42).get(WAIT_SECONDS, SECONDS));
        assertEquals("given", executor.submit(() -> { }, "given").get(WAIT_SECONDS, SECONDS));

        ScheduledFuture<?> never = executor.schedule(() -> { }, 1, HOURS);
        long before = System.nanoTime();
        assertThrows(TimeoutException.class, () -> never.get(20, MILLISECONDS));
        assertTrue(System.nanoTime() - before >= MILLISECONDS.toNanos(20), "get timed out early");

        Future<?> failing = executor.submit(() -> {
            throw new IllegalStateException("failed");
        });
        assertEquals("failed", assertThrows(ExecutionException.class, failing::get).getCause().getMessage());

        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, never::get);
        assertFalse(Thread.interrupted(), "the interrupt stayed set");
    }

    @Test
    void invokeAllWaitsForEveryTaskAndCancelsTheLateOnes() throws Exception {
        SimExecutor executor = executor(2);
        List<Future<Integer>> all = executor.invokeAll(List.of(() -> 1, () -> {
            sleep(20);
            return 2;
        }, () -> 3));
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> future : all) {
            assertTrue(future.isDone());
            results.add(future.get());
        }
        assertEquals(List.of(1, 2, 3), results);

        CountDownLatch never = new CountDownLatch(1);
        List<Future<String>> timed = executor.invokeAll(List.of(() -> "quick", () -> {
            never.await();
            return "never";
        }), 50, MILLISECONDS);
        assertEquals("quick", timed.get(0).get());
        assertTrue(timed.get(1).isCancelled(), "the task still running at the deadline was not cancelled");
    }

    @Test
    void invokeAnyReturnsASuccessAndCancelsTheRest() throws Exception {
        SimExecutor executor = executor(2);
        CountDownLatch interrupted = new CountDownLatch(1);
        Callable<String> blocking = () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "blocked";
        };
        Callable<String> failing = () -> {
            throw new IllegalStateException("failed");
        };

        assertEquals("ok", executor.invokeAny(List.of(failing, blocking, () -> "ok")));
        assertTrue(interrupted.await(WAIT_SECONDS, SECONDS), "the losing task was not cancelled");

        ExecutionException allFailed = assertThrows(ExecutionException.class, () -> executor.invokeAny(List.of(failing, failing)));
        assertEquals("failed", allFailed.getCause().getMessage());

        assertThrows(TimeoutException.class, () -> executor.invokeAny(List.of(blocking), 20, MILLISECONDS));
        assertThrows(IllegalArgumentException.class, () -> executor.invokeAny(List.<Callable<String>>of()));
    }

    @Test
    void beforeEachTaskRunsOnTheWorkerBeforeEveryTask() throws Exception {
        ThreadLocal<Boolean> hookRan = ThreadLocal.withInitial(() -> false);
        AtomicInteger hooks = new AtomicInteger();
        SimExecutor executor = executor(Scheduler.system(), 2, () -> {
            hooks.incrementAndGet();
            hookRan.set(true);
        });
        List<String> misses = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Runnable task = () -> {
            runs.incrementAndGet();
            if (!hookRan.get() || !made.contains(Thread.currentThread())) {
                misses.add("run " + runs + " on " + Thread.currentThread());
            }
            hookRan.set(false);
        };
        AtomicInteger periodicRuns = new AtomicInteger();
        ScheduledFuture<?> periodic = executor.scheduleWithFixedDelay(() -> {
            task.run();
            if (periodicRuns.incrementAndGet() == 3) {
                throw new IllegalStateException("stop"); // not cancelled: a cancel may come after the hook
            }
        }, 0, 1, MILLISECONDS);
        for (int i = 0; i < 5; i++) {
            executor.submit(task).get(WAIT_SECONDS, SECONDS);
        }
        assertThrows(ExecutionException.class, () -> periodic.get(WAIT_SECONDS, SECONDS));
        executor.shutdown();
        assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS));

        assertEquals(List.of(), misses);
        assertEquals(runs.get(), hooks.get());
    }

    @Test
    void workersComeFromTheFactoryOnlyAsNeeded() throws Exception {
        SimExecutor executor = executor(3);
        assertEquals(0, made.size());
        for (int i = 0; i < 5; i++) {
            executor.submit(() -> { }).get(WAIT_SECONDS, SECONDS);
        }
        assertEquals(1, made.size(), "tasks one after another need one worker");

        CountDownLatch allRunning = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blocking = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            blocking.add(executor.submit(() -> {
                allRunning.countDown();
                awaitQuietly(release);
            }));
        }
        assertTrue(allRunning.await(WAIT_SECONDS, SECONDS), "three tasks at once run on three workers");
        assertEquals(3, made.size(), "no more workers than threads");
        release.countDown();
        for (Future<?> future : blocking) {
            future.get(WAIT_SECONDS, SECONDS);
        }
        assertEquals(3, made.size());
    }

    @Test
    void severalThreadsSubmittingAtOnceLoseNoTask() throws Exception {
        SimExecutor executor = executor(2);
        int submitters = 4;
        int each = 500;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(submitters * each);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    executor.schedule(() -> {
                        runs.incrementAndGet();
                        done.countDown();
                    }, i % 3, MILLISECONDS);
                }
            });
            threads.add(submitter);
            submitter.start();
        }
        assertTrue(done.await(WAIT_SECONDS * 3, SECONDS), runs + " of " + submitters * each + " tasks ran");
        for (Thread submitter : threads) {
            submitter.join();
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(WAIT_SECONDS, SECONDS));
        assertEquals(submitters * each, runs.get());
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor(0)).getMessage().contains("0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor(-2)).getMessage().contains("-2"));
        SimExecutor executor = executor(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor.execute(null)).getMessage().contains("task"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor.submit((Callable<?>) null)).getMessage().contains("task"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor.schedule(() -> { }, 1, null)).getMessage().contains("unit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor.scheduleAtFixedRate(() -> { }, 0, 0, MILLISECONDS))
                .getMessage().contains("period must be positive, not 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> executor.scheduleWithFixedDelay(() -> { }, 0, -5, MILLISECONDS))
                .getMessage().contains("delay must be positive, not -5"));
        assertEquals(0, made.size(), "a refused task made a worker");
    }

    // --- on a scheduler whose clock the test moves; it starts just below Long.MAX_VALUE, so that
    // due times wrap around and only differences of clock readings compare them correctly

    private static final long START = Long.MAX_VALUE - MILLISECONDS.toNanos(5);

    @Test
    void aTaskDueAtTRunsOnlyOnceTheSchedulersClockReachesT() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START);
        SimExecutor executor = executor(scheduler, 1, () -> { });
        CountDownLatch ran = new CountDownLatch(1);
        executor.schedule(ran::countDown, 10, MILLISECONDS);
        long due = START + MILLISECONDS.toNanos(10);
        scheduler.awaitParkedUntil(due);

        scheduler.advance(9, MILLISECONDS);
        scheduler.unpark(made.get(0)); // as a park may return for no reason
        scheduler.awaitParkedUntil(due); // woken at 9 ms, it looked at the clock and parked again
        assertEquals(1, ran.getCount(), "ran 1 ms early");
        scheduler.advance(1, MILLISECONDS);
        assertTrue(ran.await(WAIT_SECONDS, SECONDS), "did not run when due");
    }

    @Test
    void tasksWithTheSameDueTimeRunInSubmissionOrder() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START);
        SimExecutor executor = executor(scheduler, 1, () -> { });
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            futures.add(executor.schedule(() -> order.add(index), 10, MILLISECONDS)); // the clock stands: one due time
        }
        scheduler.advance(10, MILLISECONDS);
        for (Future<?> future : futures) {
            future.get(WAIT_SECONDS, SECONDS);
        }
        assertEquals(IntStream.range(0, 20).boxed().toList(), order);
    }

    @Test
    void aFixedRateCountsFromTheDueTimeAndCatchesUpAFixedDelayFromTheEndOfTheRun() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START);
        SimExecutor executor = executor(scheduler, 1, () -> { });
        AtomicInteger runs = new AtomicInteger();
        Runnable threeMillisecondRun = () -> {
            runs.incrementAndGet();
            scheduler.advance(3, MILLISECONDS);
        };

        ScheduledFuture<?> rate = executor.scheduleAtFixedRate(threeMillisecondRun, 0, 10, MILLISECONDS);
        scheduler.awaitParkedUntil(START + MILLISECONDS.toNanos(10)); // ran at 0, ended at 3
        assertEquals(1, runs.get());
        scheduler.advance(34, MILLISECONDS); // to 37: the runs due at 10, 20, 30 and 40 follow at once
        scheduler.awaitParkedUntil(START + MILLISECONDS.toNanos(50)); // they end at 49, back on time
        assertEquals(5, runs.get());
        rate.cancel(false);

        long from = scheduler.nanoTime();
        executor.scheduleWithFixedDelay(threeMillisecondRun, 0, 10, MILLISECONDS);
        scheduler.awaitParkedUntil(from + MILLISECONDS.toNanos(13)); // ended at 3, next due 10 ms later
        assertEquals(6, runs.get());
    }

    @Test
    void aWorkerThatTakesTheFirstTaskWakesAnotherForTheNext() throws Exception {
        // from 0: idle workers park until Long.MAX_VALUE, which a clock past the wrap reaches
        ManualScheduler scheduler = new ManualScheduler(0);
        SimExecutor executor = executor(scheduler, 2, () -> { });
        CountDownLatch bothRunning = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            executor.execute(() -> {
                bothRunning.countDown();
                awaitQuietly(bothRunning);
            });
        }
        assertTrue(bothRunning.await(WAIT_SECONDS, SECONDS));
        scheduler.awaitParked(Long.MAX_VALUE, 2); // two idle workers

        CountDownLatch secondRan = new CountDownLatch(1);
        // the first wakes one worker, which parks until it is due; the second wakes none
        Future<Boolean> first = executor.schedule(() -> secondRan.await(WAIT_SECONDS, SECONDS), 10, MILLISECONDS);
        executor.schedule(secondRan::countDown, 10, MILLISECONDS);
        scheduler.advance(10, MILLISECONDS);
        assertTrue(first.get(WAIT_SECONDS * 2, SECONDS), "the second task waited for the first to end");
    }

    @Test
    void getTimesOutOnTheSchedulersClock() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START);
        SimExecutor executor = executor(scheduler, 1, () -> { });
        ScheduledFuture<?> later = executor.schedule(() -> { }, 2, HOURS);
        Thread clock = new Thread(() -> {
            try {
                scheduler.awaitParkedUntil(START + HOURS.toNanos(1)); // the caller of get, below
                scheduler.advance(1, HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        clock.start();

        assertThrows(TimeoutException.class, () -> later.get(1, HOURS));
        assertEquals(START + HOURS.toNanos(1), scheduler.nanoTime(), "get timed out before the clock moved");
        assertFalse(later.isDone());
        clock.join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands for work that takes time, in a task on the system's scheduler. */
    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
