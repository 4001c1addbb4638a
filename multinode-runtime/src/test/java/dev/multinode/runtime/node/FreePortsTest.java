package dev.multinode.runtime.node;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class FreePortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void portsAreDrawnFromOutsideTheEphemeralRangeAndAreBindable() throws IOException {
        FreePorts ports = new FreePorts("32768\t60999\n", new SplittableRandom(7));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = ports.allocate(LOOPBACK, "port(test)");
            assertTrue(port >= 10_000 && (port < 32768 || port > 60999), "port " + port + " lies in the ephemeral range");
            assertTrue(seen.add(port), "port " + port + " handed out twice");
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(LOOPBACK, port));
            }
        }
    }

    /** The kernel's file says it is empty; a read sized by that got "3" of "32768 60999" and fell back to port 0. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void thisHostsRangeIsReadWhole() throws IOException {
        String[] range = Files.readAllLines(FreePorts.EPHEMERAL_RANGE).get(0).trim().split("\\s+");
        int low = Integer.parseInt(range[0]);
        int high = Integer.parseInt(range[1]);
        FreePorts ports = FreePorts.ofThisHost(new SplittableRandom(11));
        for (int i = 0; i < 20; i++) {
            int port = ports.allocate(LOOPBACK, "port(test)");
            assertTrue(port < low || port > high, "port " + port + " lies in this host's ephemeral range " + low + "-" + high);
        }
    }

    @Test
    void aPortHeldByAnotherSocketIsNotHandedOut() throws IOException {
        // "ephemeral" from 10001 up leaves one port outside, 10000: held here (or by someone else already)
        try (ServerSocket holder = new ServerSocket()) {
            try {
                holder.bind(new InetSocketAddress(LOOPBACK, 10_000));
            } catch (IOException heldElsewhere) {
                // taken anyway: the finder must not hand it out either
            }
            int port = new FreePorts("10001 65535", new SplittableRandom(1)).allocate(LOOPBACK, "port(test)");
            assertNotEquals(10_000, port);
            assertTrue(port > 0);
        }
    }

    @Test
    void whereTheRangeIsUnknownOrUnreadablePortZeroDecides() {
        int unknown = new FreePorts(null, new SplittableRandom(3)).allocate(LOOPBACK, "port(test)");
        int garbled = new FreePorts("garbled", new SplittableRandom(3)).allocate(LOOPBACK, "port(test)");
        assertTrue(unknown > 0 && garbled > 0);
        assertNotEquals(unknown, garbled, "one JVM handed the same port out twice");
    }
}
