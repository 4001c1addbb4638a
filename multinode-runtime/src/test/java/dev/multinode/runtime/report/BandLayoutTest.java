package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.PhaseRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A band draws its busiest links, by frames and by relayed bytes alike. */
class BandLayoutTest {

    private static final List<String> ROLES = IntStream.rangeClosed(1, 6).mapToObj(i -> "node-" + i).toList();
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theQuietestLinksByFramesAreNotDrawn() {
        Band band = onlyPhase(new long[ROLES.size() + 1][ROLES.size() + 1]);

        assertThat(band.links).hasSize(24).noneMatch(link -> link.from() == 1 && link.to() <= 6);
        assertThat(band.hiddenLinks).isEqualTo(6);
    }

    @Test
    void aLinkBusyWithRelayedBytesIsDrawnAlthoughItHasFewFrames() {
        long[][] bytes = new long[ROLES.size() + 1][ROLES.size() + 1];
        bytes[1][2] = 4096;

        Band band = onlyPhase(bytes);

        assertThat(band.links).hasSize(24).contains(new Link(1, 2, 112, 0, 4096, 0));
        assertThat(band.links.get(0)).as("drawn in the order of the lanes").isEqualTo(new Link(1, 2, 112, 0, 4096, 0));
        assertThat(band.hiddenLinks).isEqualTo(6);
    }

    /** @return the band of a phase where every node sent every other (node 1 the fewest), and relays carried those bytes */
    private static Band onlyPhase(long[][] relayedBytes) {
        long[][] frames = new long[ROLES.size() + 1][ROLES.size() + 1];
        for (int from = 1; from <= ROLES.size(); from++) {
            for (int to = 1; to <= ROLES.size(); to++) {
                frames[from][to] = from == to ? 0 : 100 + 10 * from + to;
            }
        }
        long[][] none = new long[ROLES.size() + 1][ROLES.size() + 1];
        PhaseRecord phase = new PhaseRecord(null, T0.plusMillis(100), T0.plusMillis(100), frames, none, relayedBytes, none);
        RunRecord run = new RunRecord("dev.example.Spec", "links", "run-1", Path.of("run-1"), ROLES, "inproc", "thread", 1,
                T0, T0.plusMillis(100), new ConductorResult(null, List.of(), List.of(phase), List.of()), List.of(), Map.of(), null);
        List<Band> bands = BandLayout.of(run, T0, 0);
        assertThat(bands).hasSize(1);
        return bands.get(0);
    }
}
