package dev.multinode.runtime;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.settings.Exploration;
import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.spi.ScheduleTrace;
import java.util.SplittableRandom;

/**
 * Runs a simulated spec over many seeds ({@value Exploration#SEEDS}) and stops at the first that
 * fails, whose failure then leads with the seed; with {@value Exploration#CHECK_DETERMINISM} it runs
 * each seed twice and fails, naming where the two runs parted, when their traces differ. The first
 * seed is the run's own, so that {@code -Dmultinode.seed=S} replays a reported seed; the others come
 * from it, so that one seed names the whole exploration too. A spec in a real transport runs once
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
     * @param exploration how many seeds, and whether to check each twice
     * @param firstSeed   the run's seed
     * @param run         runs the spec once
     * @throws MultiNodeFailure for the first seed that failed or did not replay
     */
    static void explore(Exploration exploration, long firstSeed, SeededRun run) {
        SplittableRandom seeds = new SplittableRandom(firstSeed);
        long seed = firstSeed;
        for (int index = 1; index <= exploration.seeds(); index++) {
            ScheduleTrace first = runOne(exploration, index, seed, run);
            if (first == null) {
                return; // a real run: no seed replays it exactly, so one run is all the exploration there is
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
            seed = seeds.nextLong();
        }
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
