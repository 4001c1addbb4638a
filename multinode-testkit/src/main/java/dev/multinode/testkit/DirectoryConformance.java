package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared directory: what a system learns from its peers before it starts (a cluster id, a seed
 * list), through the conductor. It needs no sockets, so a simulated run checks it too; ports and
 * addresses are {@link PortConformance}'s.
 */
public interface DirectoryConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void publishedValuesAreLookedUpAndAnExchangeGathersEveryNodesValueInRoleOrder(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            node.runOn("node-a", () -> node.publish("cluster-id", "cluster-" + node.seed()));
            assertEquals("cluster-" + node.seed(), node.lookup("node-a", "cluster-id", Waits.MESSAGE));

            Map<String, String> seeds = node.exchange("seeds", "seed of " + node.role());
            assertEquals(List.of("node-a", "node-b", "node-c"), List.copyOf(seeds.keySet()));
            assertEquals(List.of("seed of node-a", "seed of node-b", "seed of node-c"), List.copyOf(seeds.values()),
                    "the seeds " + node.role() + " gathered");
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void anExchangeFailsWhenANodeFinishesWithoutGivingAValue(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> node.runOn("node-a", () ->
                assertThat(assertThrows(IllegalStateException.class, () -> node.exchange("seeds", "a")))
                        .hasMessage("exchange(seeds) failed: node-b finished its body without giving a value;"
                                + " given by [node-a]")));
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void badLookupsAndKeysAreRefusedNamingTheValue(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            node.runOn("node-a", () -> {
                assertThat(assertThrows(IllegalStateException.class,
                        () -> node.lookup("node-b", "never", Duration.ofMillis(200))))
                        .hasMessage("lookup(node-b, never) timed out after 200 ms: node-b published nothing yet");
                assertThat(assertThrows(IllegalArgumentException.class,
                        () -> node.lookup("node-b", "never", Duration.ZERO)))
                        .hasMessage("lookup(node-b, never, PT0S): the timeout must be a positive duration");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.publish("endpoint:cluster", "x")))
                        .hasMessageContaining("keys starting with 'endpoint:' or 'relay:' are the harness's");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.publish("big", "x".repeat(70_000))))
                        .hasMessageContaining("key and value take 70003 bytes of UTF-8; a control frame holds");
            });
            node.enterBarrier("checked");
        });
    }
}
