package dev.multinode.runtime.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Finds ports for endpoints that the system under test binds some time after the harness chose
 * them. A port from a bind of port 0 lies in the kernel's ephemeral range, where any process's next
 * outgoing connection may take it in that time (seen: a ZooKeeper server's client port taken by a
 * connection of another node). So, where the kernel tells its ephemeral range (Linux), the port is
 * drawn at random from outside it and tried: only a process choosing its port explicitly can take it
 * there. Elsewhere it falls back to port 0. One set per JVM keeps two nodes of a thread run apart.
 */
final class FreePorts {

    /** Where Linux keeps the range it hands out for port 0 and outgoing connections. */
    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Below this are the privileged and well-known ports. */
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 65_535;
    /** Random tries before falling back to port 0: outside the ephemeral range most ports are free. */
    private static final int ATTEMPTS = 64;

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final int ephemeralLow;
    private final int ephemeralHigh;
    private final RandomGenerator random;

    /**
     * @param ephemeralRange the contents of {@link #EPHEMERAL_RANGE} ("low high"), or null where unknown
     * @param random         draws the candidates
     */
    FreePorts(String ephemeralRange, RandomGenerator random) {
        int low = 0;
        int high = -1;
        if (ephemeralRange != null) {
            String[] bounds = ephemeralRange.trim().split("\\s+");
            if (bounds.length == 2 && bounds[0].matches("\\d{1,5}") && bounds[1].matches("\\d{1,5}")) {
                low = Integer.parseInt(bounds[0]);
                high = Integer.parseInt(bounds[1]);
            }
        }
        this.ephemeralLow = low;
        this.ephemeralHigh = high;
        this.random = random;
    }

    /** @return the finder for this host's kernel */
    static FreePorts ofThisHost(RandomGenerator random) {
        String range;
        // read line by line, until the end: the file says it is empty, and Files.readString, sizing
        // its read by that, gave "3" of "32768 60999", so every port came from the fallback
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            range = reader.readLine();
        } catch (IOException | SecurityException notLinux) {
            range = null;
        }
        return new FreePorts(range, random);
    }

    /**
     * @param address the address the port must be free on
     * @param owner   names the caller in an error, e.g. {@code port(client) of node-a}
     * @return a port free on that address when probed, not handed out before in this JVM
     */
    int allocate(InetAddress address, String owner) {
        int outside = outsideCount();
        for (int attempt = 0; outside > 0 && attempt < ATTEMPTS; attempt++) {
            int candidate = nthOutside(random.nextInt(outside));
            if (!HANDED_OUT.contains(candidate) && isFree(address, candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = bindAny(address, owner);
            if (HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(owner + ": " + ATTEMPTS + " binds of port 0 on " + address
                + " gave only ports already handed out in this JVM");
    }

    /**
     * Marks a port as this JVM's, e.g. a restarted node's earlier one.
     *
     * @param port the port
     */
    static void claim(int port) {
        HANDED_OUT.add(port);
    }

    private int outsideCount() {
        if (ephemeralHigh < ephemeralLow) {
            return 0;
        }
        int below = Math.max(0, Math.min(ephemeralLow, HIGHEST + 1) - LOWEST);
        int above = Math.max(0, HIGHEST - Math.max(ephemeralHigh, LOWEST - 1));
        return below + above;
    }

    private int nthOutside(int index) {
        int below = Math.max(0, Math.min(ephemeralLow, HIGHEST + 1) - LOWEST);
        return index < below ? LOWEST + index : Math.max(ephemeralHigh, LOWEST - 1) + 1 + (index - below);
    }

    private static boolean isFree(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int bindAny(InetAddress address, String owner) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(owner + ": cannot bind a port on " + address + ": " + e.getMessage(), e);
        }
    }
}
