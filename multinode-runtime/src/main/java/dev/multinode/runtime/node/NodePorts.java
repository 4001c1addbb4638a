package dev.multinode.runtime.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's named endpoints: {@link #port} allocates a free port on the node's bind address and
 * publishes {@code host:port} in the shared directory under {@code endpoint:<name>}, so that
 * {@link #address} is a lookup of that key. The bind address is chosen as the TCP transport chooses
 * where its endpoints listen: {@code multinode.tcp.bindAddress} if set; else, in an external node
 * ({@code multinode.conductor} set), this host's address on the route to the conductor, so that a
 * node on another host is not published at loopback by accident; else loopback.
 */
final class NodePorts {

    /** The directory keys of endpoints; the body's own keys may not start with it. */
    static final String ENDPOINT_PREFIX = "endpoint:";
    /** The system property naming the address the node's endpoints bind. */
    static final String BIND_ADDRESS = "multinode.tcp.bindAddress";
    /** The system property an external node is started with: the conductor's {@code host:port}. */
    static final String CONDUCTOR = "multinode.conductor";

    /** A port just closed may come back from the next bind of port 0: so many tries find another. */
    private static final int ALLOCATION_ATTEMPTS = 16;

    private final DirectoryClient directory;
    private final Participants participants;
    private final Duration lookupTimeout;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Set<Integer> allocated = ConcurrentHashMap.newKeySet();
    private volatile InetAddress bindAddress;

    /** @param lookupTimeout how long {@link #address} waits for another node's endpoint */
    NodePorts(DirectoryClient directory, Participants participants, Duration lookupTimeout) {
        this.directory = directory;
        this.participants = participants;
        this.lookupTimeout = lookupTimeout;
    }

    int port(String name) {
        checkName("port", name);
        return ports.computeIfAbsent(name, this::allocateAndPublish);
    }

    InetSocketAddress address(String ofRole, String name) {
        participants.indexOf(ofRole);
        checkName("address", name);
        String hostAndPort;
        try {
            hostAndPort = directory.get(ofRole, ENDPOINT_PREFIX + name, lookupTimeout);
        } catch (IllegalStateException missing) {
            throw new IllegalStateException("address(" + ofRole + ", " + name + "): " + ofRole + " allocated no endpoint '"
                    + name + "' with port(\"" + name + "\") within " + lookupTimeout.toMillis() + " ms (the directory: "
                    + missing.getMessage() + ")", missing);
        }
        int colon = hostAndPort.lastIndexOf(':');
        try {
            // an IP literal, as published: no name service is asked
            return new InetSocketAddress(InetAddress.getByName(hostAndPort.substring(0, colon)),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address(" + ofRole + ", " + name + "): unreadable entry " + hostAndPort, e);
        }
    }

    private int allocateAndPublish(String name) {
        InetAddress address = bindAddress();
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, address)) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("port(" + name + ") of " + participants.self() + ": cannot bind a port on " + address, e);
            }
            if (allocated.add(port)) {
                directory.put(ENDPOINT_PREFIX + name, publishedHost(address) + ":" + port);
                return port;
            }
        }
        throw new IllegalStateException("port(" + name + ") of " + participants.self() + ": " + ALLOCATION_ATTEMPTS
                + " binds of port 0 on " + address + " gave only ports this node had already allocated");
    }

    private InetAddress bindAddress() {
        if (bindAddress == null) {
            String configured = System.getProperty(BIND_ADDRESS, "").trim();
            try {
                bindAddress = configured.isEmpty() ? routeToConductor() : InetAddress.getByName(configured);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(BIND_ADDRESS + "=" + configured
                        + " is not an address of this host: accepted are an IP address or a host name", e);
            }
        }
        return bindAddress;
    }

    /** Connecting a datagram socket sends nothing: it only asks the kernel which local address routes there. */
    private static InetAddress routeToConductor() {
        String conductor = System.getProperty(CONDUCTOR, "").trim();
        int colon = conductor.lastIndexOf(':');
        if (colon <= 0) {
            return InetAddress.getLoopbackAddress();
        }
        try (DatagramSocket route = new DatagramSocket()) {
            route.connect(InetAddress.getByName(conductor.substring(0, colon)), Integer.parseInt(conductor.substring(colon + 1)));
            return route.getLocalAddress();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("No route from this host to the conductor " + CONDUCTOR + "=" + conductor
                    + " for this node's ports; set " + BIND_ADDRESS + " to an address of this host", e);
        }
    }

    /** A wildcard bind address says nothing to a peer: it is told the host's own address instead. */
    private static String publishedHost(InetAddress address) {
        try {
            return (address.isAnyLocalAddress() ? InetAddress.getLocalHost() : address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The host's own address is unknown, so a port bound on " + address
                    + " cannot be published; set " + BIND_ADDRESS + " to an address of this host", e);
        }
    }

    private static void checkName(String operation, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the endpoint's name must be a non-empty string, was "
                    + (name == null ? "null" : "empty"));
        }
    }
}
