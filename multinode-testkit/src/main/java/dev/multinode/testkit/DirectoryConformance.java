package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports, addresses and the shared directory: what a system learns from its peers before it starts. */
public interface DirectoryConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void portsAreDistinctAndStableAndAnotherNodeReachesThemAtTheirAddress(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            int cluster = node.port("cluster");
            int admin = node.port("admin");
            assertNotEquals(cluster, admin, "two endpoints of " + node.role());
            assertEquals(cluster, node.port("cluster"), "a second port(\"cluster\")");
            ServerSocket server = node.isRole("node-b") ? node.closeOnStop(new ServerSocket()) : null;
            node.runOn("node-b", () -> {
                server.bind(node.address("node-b", "cluster"));
                server.setSoTimeout((int) Waits.MESSAGE.toMillis());
                assertEquals(cluster, server.getLocalPort());
            });
            node.enterBarrier("listening");
            node.runOn("node-a", () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(node.address("node-b", "cluster"), (int) Waits.MESSAGE.toMillis());
                    socket.setSoTimeout((int) Waits.MESSAGE.toMillis());
                    new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println("ping");
                    assertEquals("ping back from node-b", reader(socket).readLine());
                }
            });
            node.runOn("node-b", () -> {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout((int) Waits.MESSAGE.toMillis());
                    String line = reader(socket).readLine();
                    new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println(line + " back from node-b");
                }
            });
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void publishedValuesAreLookedUpAndAnExchangeGathersEveryNodesValueInRoleOrder(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            node.runOn("node-a", () -> node.publish("cluster-id", "cluster-" + node.seed()));
            assertEquals("cluster-" + node.seed(), node.lookup("node-a", "cluster-id", Waits.MESSAGE));

            Map<String, String> seeds = node.exchange("seeds", node.role() + ":" + node.port("cluster"));
            assertEquals(List.of("node-a", "node-b", "node-c"), List.copyOf(seeds.keySet()));
            // another node's address is this node's relay towards it; its own is the endpoint itself
            assertEquals(node.role() + ":" + node.address(node.role(), "cluster").getPort(), seeds.get(node.role()),
                    "the seed of " + node.role());
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
    default void badPortsAddressesAndKeysAreRefusedNamingTheValue(Mode mode) {
        mode.spec("node-a", "node-b").barrierTimeout(Duration.ofSeconds(1)).run(node -> {
            node.runOn("node-a", () -> {
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.port("")))
                        .hasMessage("port: the endpoint's name must be a non-empty string, was empty");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.address("node-z", "cluster")))
                        .hasMessage("Unknown role 'node-z': the roles of this run are [node-a, node-b]");
                assertThat(assertThrows(IllegalStateException.class, () -> node.address("node-b", "missing")))
                        .hasMessageStartingWith("address(node-b, missing): node-b allocated no endpoint 'missing'"
                                + " with port(\"missing\") within 1000 ms");
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
            node.enterBarrier(Duration.ofSeconds(30), "checked");
        });
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}
