package dev.multinode.examples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final ClusterSettings DEFAULTS = ClusterSettings.defaults();

    private static String rejection(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    @Test
    void theDefaultsSuitTests() {
        assertEquals(Duration.ofMillis(100), DEFAULTS.heartbeatInterval());
        assertEquals(Duration.ofMillis(500), DEFAULTS.unreachableAfter());
        assertEquals(Duration.ofMillis(500), DEFAULTS.downAfter());
        assertEquals(null, DEFAULTS.seed());
    }

    @Test
    void badValuesAreRejectedByNameWithTheValue() {
        assertEquals("gossipInterval must be positive, got 0 ms",
                rejection(() -> DEFAULTS.withIntervals(Duration.ZERO, Duration.ofMillis(10))));
        assertEquals("downAfter must be positive, got -5 ms", rejection(() -> DEFAULTS.withFailureDetection(
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(-5))));
        assertEquals("unreachableAfter (100 ms) must be longer than heartbeatInterval (100 ms), or healthy members"
                + " are marked unreachable between heartbeats", rejection(() -> DEFAULTS.withFailureDetection(
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(500))));
        assertEquals("numberOfShards must be positive, got 0", rejection(() -> DEFAULTS.withNumberOfShards(0)));
        assertEquals("bufferSize must be positive, got -1", rejection(() -> DEFAULTS.withBufferSize(-1)));
    }

    @Test
    void aSeedOutsideTheRolesIsRejected() {
        VirtualWorld world = new VirtualWorld("a", "b");
        assertEquals("seed z is not one of the roles [a, b]",
                rejection(() -> ExampleCluster.start(world.network("a"), DEFAULTS.withSeed("z"))));
    }
}
