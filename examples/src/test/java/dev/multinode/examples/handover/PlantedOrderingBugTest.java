package dev.multinode.examples.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNodeFailure;
import dev.multinode.examples.ExplorationSettings;
import dev.multinode.examples.handover.HandOverSpec.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulation finds what real runs miss: {@link HandOverSpec}'s planted bug shows only when one
 * frame overtakes another on a shorter path, which a real transport almost never lets happen and a
 * simulated network, drawing every latency from the seed, does within a few seeds; and the seed it
 * reports fails the same way every time it is replayed.
 */
class PlantedOrderingBugTest {

    private static final int REAL_RUNS = 20;

    @Test
    void theSimulationFindsTheCrossingAndItsSeedFailsAlikeOnEveryReplay() {
        MultiNodeFailure found = assertThrows(MultiNodeFailure.class,
                () -> HandOverSpec.run(Variant.STARTS_ON_PREPARE, spec -> spec.transport("sim")));
        long seed = found.seed();
        assertThat(found.getMessage()).startsWith("Seed " + seed + " (")
                .contains(" explored; replay with -Dmultinode.seed=" + seed + ") failed:")
                .contains(HandOverSpec.TWO_INSTANCES);
        String rootCause = rootCause(found.getMessage());

        List<String> replays = new ArrayList<>();
        ExplorationSettings.with(1, false, () -> {
            for (int replay = 0; replay < 3; replay++) {
                MultiNodeFailure again = assertThrows(MultiNodeFailure.class,
                        () -> HandOverSpec.run(Variant.STARTS_ON_PREPARE, spec -> spec.transport("sim").seed(seed)));
                replays.add(rootCause(again.getMessage()));
            }
        });
        assertThat(replays).containsOnly(rootCause);
    }

    @Test
    void theCorrectHandOverPassesEverySeedTheBuildExplores() {
        HandOverSpec.run(Variant.STARTS_ON_STOPPED, spec -> spec.transport("sim"));
    }

    /**
     * The planted bug on real threads. Measured while this was written, six times 20 inproc runs on a
     * loaded 2-core machine: 18 to 20 of 20 passed (95 % in all), while the simulation found the bug at
     * the 2nd to 18th seed explored. Requiring 14 of 20 keeps the test honest about "most of the time"
     * without making it flaky (at 5 % per run, 7 failures in 20 come about once in 100,000 builds).
     */
    @Test
    void realRunsOfThePlantedBugMostlyPass() {
        int passed = 0;
        for (int run = 0; run < REAL_RUNS; run++) {
            try {
                HandOverSpec.run(Variant.STARTS_ON_PREPARE, spec -> spec.transport("inproc"));
                passed++;
            } catch (MultiNodeFailure failure) {
                assertThat(failure.getMessage()).contains(HandOverSpec.TWO_INSTANCES);
            }
        }
        assertThat(passed).as("inproc runs of the planted bug that passed, of " + REAL_RUNS)
                .isGreaterThanOrEqualTo(REAL_RUNS - 6);
    }

    /** The failure's first line after the exploration's lead: who failed, where and why. */
    private static String rootCause(String message) {
        List<String> lines = message.lines().toList();
        return lines.get(0).startsWith("Seed ") ? lines.get(1) : lines.get(0);
    }
}
