package dev.multinode.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    @Test
    void drawsStayWithinTheModelsBoundsAndFollowTheSeed() {
        LatencyModel uniform = LatencyModel.parse("uniform:100us..2ms");
        SplittableRandom random = new SplittableRandom(5);
        long[] draws = new long[1000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = uniform.draw(random);
            assertTrue(draws[i] >= 100_000 && draws[i] <= 2_000_000, "draw " + draws[i]);
        }
        SplittableRandom again = new SplittableRandom(5);
        for (long draw : draws) {
            assertEquals(draw, uniform.draw(again));
        }
        assertEquals(1_500_000, LatencyModel.parse("fixed:1.5ms").draw(random));
        LatencyModel exponential = LatencyModel.parse("exponential:1ms");
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            long draw = exponential.draw(random);
            assertTrue(draw >= 0 && draw <= 20_000_000, "draw " + draw);
            sum += draw;
        }
        assertEquals(1_000_000, sum / 10_000, 50_000, "the mean of 10,000 exponential draws");
    }

    @Test
    void aBadModelIsRefusedNamingItAndWhatIsAccepted() {
        for (String bad : new String[] {"normal:1ms", "uniform:2ms..1ms", "fixed:1 minute", "exponential:0ms", "2ms"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LatencyModel.parse(bad));
            assertTrue(refused.getMessage().startsWith("multinode.sim.latency=" + bad), refused.getMessage());
            assertTrue(refused.getMessage().contains("accepted are fixed:<d>, uniform:<min>..<max> and exponential:<mean>"),
                    refused.getMessage());
        }
    }
}
