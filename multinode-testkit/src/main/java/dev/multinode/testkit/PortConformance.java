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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports and addresses: where a system's own sockets listen, and where another node reaches them.
 * A simulated run has no sockets, so only the real transports run this suite; what else a system
 * learns from its peers is {@link DirectoryConformance}'s.
 */
public interface PortConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void portsAreDistinctAndStableAndAnotherNodeReachesThemAtTheirAddress(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            int cluster = node.port("cluster");
            int admin = node.port("admin");
            assertNotEquals(cluster, admin, "two endpoints of " + node.role());
            assertEquals(cluster, node.port("cluster"), "a second port(\"cluster\")");
            // another node's address is this node's relay towards it; its own is the endpoint itself
            assertEquals(cluster, node.address(node.role(), "cluster").getPort(), "the own address of " + node.role());
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
    default void badPortsAndAddressesAreRefusedNamingTheValue(Mode mode) {
        mode.spec("node-a", "node-b").barrierTimeout(Duration.ofSeconds(1)).run(node -> {
            node.runOn("node-a", () -> {
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.port("")))
                        .hasMessage("port: the endpoint's name must be a non-empty string, was empty");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.address("node-z", "cluster")))
                        .hasMessage("Unknown role 'node-z': the roles of this run are [node-a, node-b]");
                assertThat(assertThrows(IllegalStateException.class, () -> node.address("node-b", "missing")))
                        .hasMessageStartingWith("address(node-b, missing): node-b allocated no endpoint 'missing'"
                                + " with port(\"missing\") within 1000 ms");
            });
            node.enterBarrier(Duration.ofSeconds(30), "checked"); // node-a waited the 1 s barrier timeout above
        });
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}
