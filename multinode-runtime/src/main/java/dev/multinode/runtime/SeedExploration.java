package dev.multinode.runtime;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.settings.Exploration;
import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.spi.ScheduleTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a simulated spec over many seeds ({@value Exploration#SEEDS}) and stops at the first that
 * fails, whose failure then leads with the seed; with {@value Exploration#CHECK_DETERMINISM} it runs
 * each seed twice and fails, naming where the two runs parted, when their traces differ. The first
 * seed is the run's own, so that {@code -Dmultinode.seed=S} replays a reported seed; the others come
 * from it, so that one seed names the whole exploration too. Seeds after the first run
 * {@value Exploration#PARALLELISM} at a time (default: the machine's cores). A spec in a real transport runs once
 * whatever the exploration asks: without a simulation no seed replays a run.
 */
final class SeedExploration {

    /** One run of the spec with a given seed. */
    @FunctionalInterface
    interface SeededRun {
        /**
         * @param seed the run's seed
         * @return the run's trace, or null if its scheduler keeps none
         * @throws MultiNodeFailure if the run failed
         */
        ScheduleTrace run(long seed);
    }

    private SeedExploration() {
    }

    /**
     * @param exploration how many seeds, whether to check each twice, and how many at once
     * @param firstSeed   the run's seed
     * @param run         runs the spec once; safe to call from several threads at once
     * @throws MultiNodeFailure for the first seed (in the exploration's order) that failed or did not replay
     */
    static void explore(Exploration exploration, long firstSeed, SeededRun run) {
        long[] seeds = new long[exploration.seeds()];
        SplittableRandom next = new SplittableRandom(firstSeed);
        seeds[0] = firstSeed;
        for (int i = 1; i < seeds.length; i++) {
            seeds[i] = next.nextLong();
        }
        // the first seed alone: a real run ends the exploration there
        if (!explored(exploration, 1, seeds[0], run)) {
            return;
        }
        int workers = Math.min(exploration.parallelism(), seeds.length - 1);
        if (workers <= 1) {
            for (int index = 2; index <= seeds.length; index++) {
                explored(exploration, index, seeds[index - 1], run);
            }
            return;
        }
        exploreInParallel(exploration, seeds, run, workers);
    }

    /**
     * Each simulated run holds one core at a time, so runs of different seeds go side by side. The
     * seeds are taken in order and none after a failing one is started, so the failure reported is
     * the first in the exploration's order, whatever the timing.
     */
    private static void exploreInParallel(Exploration exploration, long[] seeds, SeededRun run, int workers) {
        AtomicInteger nextIndex = new AtomicInteger(2);
        AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        ConcurrentSkipListMap<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int worker = 1; worker <= workers; worker++) {
            Thread thread = new Thread(() -> {
                for (int index = nextIndex.getAndIncrement(); index <= seeds.length && index < firstFailed.get();
                     index = nextIndex.getAndIncrement()) {
                    try {
                        explored(exploration, index, seeds[index - 1], run);
                    } catch (RuntimeException | Error failure) {
                        failures.put(index, failure);
                        firstFailed.accumulateAndGet(index, Math::min);
                    }
                }
            }, "multinode-explore-" + worker);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while exploring seeds", e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.firstEntry().getValue();
            if (first instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) first;
        }
    }

    /** @return whether the run was simulated (a real one returns no trace) */
    private static boolean explored(Exploration exploration, int index, long seed, SeededRun run) {
        ScheduleTrace first = runOne(exploration, index, seed, run);
        if (first == null) {
            return false;
        }
        if (exploration.checkDeterminism()) {
            ScheduleTrace second = runOne(exploration, index, seed, run);
            String difference = first.firstDifference(second);
            if (difference != null) {
                throw new MultiNodeFailure(lead(exploration, index, seed) + " did not replay: two runs of it parted at "
                        + difference + ". The system under test took a thread, a clock or a random source from"
                        + " outside the simulation (threads from node.executor(), time from node.clock(), randomness"
                        + " from node.random()).", null, null, seed, null);
            }
        }
        return true;
    }

    private static ScheduleTrace runOne(Exploration exploration, int index, long seed, SeededRun run) {
        if (exploration.seeds() == 1 && !exploration.checkDeterminism()) {
            return run.run(seed);
        }
        try {
            return run.run(seed);
        } catch (MultiNodeFailure failure) {
            MultiNodeFailure led = new MultiNodeFailure(lead(exploration, index, seed) + " failed:\n" + failure.getMessage(),
                    failure.getCause(), failure.rootRole().orElse(null), seed, failure.runDirectory().orElse(null));
            led.setStackTrace(failure.getStackTrace());
            throw led;
        }
    }

    private static String lead(Exploration exploration, int index, long seed) {
        return "Seed " + seed + " (" + index + " of " + exploration.seeds() + " explored; replay with -D"
                + RunSettings.SEED + "=" + seed + ")";
    }
}
