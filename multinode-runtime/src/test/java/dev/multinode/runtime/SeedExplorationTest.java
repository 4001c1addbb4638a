package dev.multinode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.settings.Exploration;
import dev.multinode.spi.ScheduleTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SeedExplorationTest {

    /** A trace that is all its hash. */
    private record Trace(long hash) implements ScheduleTrace {
        @Override
        public long steps() {
            return 1;
        }

        @Override
        public long virtualNanos() {
            return 0;
        }

        @Override
        public String firstDifference(ScheduleTrace other) {
            return hash == other.hash() ? null : "step 1: hash " + hash + " against " + other.hash();
        }
    }

    @Test
    void theFirstSeedIsTheRunsOwnAndTheOthersFollowFromIt() {
        List<Long> seeds = new ArrayList<>();
        SeedExploration.explore(new Exploration(5, false, 1), 42, seed -> {
            seeds.add(seed);
            return new Trace(seed);
        });
        assertEquals(5, seeds.size());
        assertEquals(42L, seeds.get(0));
        assertEquals(5, seeds.stream().distinct().count());
        List<Long> again = new ArrayList<>();
        SeedExploration.explore(new Exploration(5, false, 1), 42, seed -> {
            again.add(seed);
            return new Trace(seed);
        });
        assertEquals(seeds, again);
    }

    @Test
    void theFirstFailingSeedStopsTheExplorationAndLeadsItsMessage() {
        List<Long> seeds = new ArrayList<>();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> SeedExploration.explore(
                new Exploration(10, false, 1), 7, seed -> {
                    seeds.add(seed);
                    if (seeds.size() == 3) {
                        throw new MultiNodeFailure("node-b failed at barrier 'x'", null, "node-b", seed, Path.of("run"));
                    }
                    return new Trace(seed);
                }));
        long failing = seeds.get(2);
        assertEquals(3, seeds.size());
        assertEquals(failing, failure.seed());
        assertTrue(failure.getMessage().startsWith("Seed " + failing + " (3 of 10 explored; replay with -Dmultinode.seed="
                + failing + ") failed:\nnode-b failed at barrier 'x'"), failure.getMessage());
        assertEquals("node-b", failure.rootRole().orElseThrow());
    }

    @Test
    void seedsRunSideBySideAndTheFirstFailureInTheExplorationsOrderIsReported() {
        List<Long> order = new ArrayList<>();
        SeedExploration.explore(new Exploration(40, false, 1), 11, seed -> {
            order.add(seed);
            return new Trace(seed);
        });
        long fourth = order.get(3);
        long seventh = order.get(6);
        for (int attempt = 0; attempt < 20; attempt++) {
            Set<Long> ran = ConcurrentHashMap.newKeySet();
            MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> SeedExploration.explore(
                    new Exploration(40, false, 2), 11, seed -> {
                        ran.add(seed);
                        if (seed == fourth || seed == seventh) {
                            throw new MultiNodeFailure("failed", null, null, seed, null);
                        }
                        return new Trace(seed);
                    }));
            assertEquals(fourth, failure.seed(), "the failure reported");
            assertTrue(ran.containsAll(order.subList(0, 4)), "every seed before the first failure ran");
            assertTrue(ran.size() < 40, "the exploration went on after the failure");
        }
    }

    @Test
    void aSeedWhoseTwoRunsDifferIsNamedWithWhereTheyParted() {
        long[] runs = {0};
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> SeedExploration.explore(
                new Exploration(3, true, 1), 9, seed -> new Trace(runs[0]++ == 1 ? 1 : 0)));
        assertTrue(failure.getMessage().startsWith("Seed 9 (1 of 3 explored; replay with -Dmultinode.seed=9) did not"
                + " replay: two runs of it parted at step 1: hash 0 against 1."), failure.getMessage());
    }

    @Test
    void aRealRunRunsOnceWhateverTheExplorationAsks() {
        int[] runs = {0};
        SeedExploration.explore(new Exploration(50, true, 2), 1, seed -> {
            runs[0]++;
            return null;
        });
        assertEquals(1, runs[0]);
    }

    @Test
    void badExplorationSettingsAreRefusedNamingTheValue() {
        Properties properties = new Properties();
        properties.setProperty(Exploration.SEEDS, "0");
        IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class, () -> Exploration.resolve(properties));
        assertEquals("Invalid multinode.sim.seeds '0': accepted is a whole number from 1 to 1000000", seeds.getMessage());
        properties.setProperty(Exploration.SEEDS, "3");
        properties.setProperty(Exploration.CHECK_DETERMINISM, "yes");
        IllegalArgumentException check = assertThrows(IllegalArgumentException.class, () -> Exploration.resolve(properties));
        assertEquals("Invalid multinode.sim.checkDeterminism 'yes': accepted are true and false", check.getMessage());
        properties.setProperty(Exploration.CHECK_DETERMINISM, "TRUE");
        properties.setProperty(Exploration.PARALLELISM, "2");
        assertEquals(new Exploration(3, true, 2), Exploration.resolve(properties));
        properties.setProperty(Exploration.PARALLELISM, "0");
        IllegalArgumentException parallel = assertThrows(IllegalArgumentException.class, () -> Exploration.resolve(properties));
        assertEquals("Invalid multinode.sim.parallelism '0': accepted is a whole number from 1 to 64", parallel.getMessage());
    }
}
