package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.DirectoryKeys;
import dev.multinode.runtime.relay.ConnectionOrigin;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node's named endpoints and the relays in front of them. {@link #port} allocates a free port on
 * the node's bind address ({@link FreePorts}: outside the kernel's ephemeral range where it is known)
 * and publishes {@code host:port} in the shared directory
 * ({@link DirectoryKeys#endpoint}); a restarted node asks for its earlier incarnation's port first,
 * so that peers configured with it (and relays towards it) still reach it. {@link #address} of
 * another node's endpoint is this node's relay towards it, opened on first use and published
 * ({@link DirectoryKeys#linkRelay}) so that the conductor knows the link is relayed. Where the nodes
 * are processes of their own, {@code port} also opens a shared relay of the endpoint, which
 * {@link #sharedAddress} returns. The bind address is chosen as the TCP transport chooses where its
 * endpoints listen: {@code multinode.tcp.bindAddress} if set; else, in an external node
 * ({@code multinode.conductor} set), this host's address on the route to the conductor, so that a
 * node on another host is not published at loopback by accident; else loopback.
 */
final class NodePorts {

    /** The system property naming the address the node's endpoints bind. */
    static final String BIND_ADDRESS = "multinode.tcp.bindAddress";
    /** The system property an external node is started with: the conductor's {@code host:port}. */
    static final String CONDUCTOR = "multinode.conductor";

    /** Stands for a node whose bind address is unknown: no connection comes from it. */
    private static final InetAddress WILDCARD = new InetSocketAddress(0).getAddress();
    /** A lookup of an entry that is either there already or never comes: the conductor answers at once. */
    private static final Duration PRESENT_OR_NOT = Duration.ofMillis(1);

    private final boolean simulated;
    private final DirectoryClient directory;
    private final Participants participants;
    private final NodeRelays relays;
    private final int incarnation;
    private final Duration lookupTimeout;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Set<String> publishedLinks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean processAnnounced = new AtomicBoolean();
    private final FreePorts freePorts = FreePorts.ofThisHost(new Random());
    private volatile InetAddress bindAddress;

    /**
     * @param relays        this node's relays
     * @param incarnation   this node's incarnation: a restarted one asks for its earlier ports first
     * @param lookupTimeout how long {@link #address} waits for another node's endpoint
     * @param simulated     whether the run is simulated: then it has no sockets, and every call is refused
     */
    NodePorts(DirectoryClient directory, Participants participants, NodeRelays relays, int incarnation,
              Duration lookupTimeout, boolean simulated) {
        this.simulated = simulated;
        this.directory = directory;
        this.participants = participants;
        this.relays = relays;
        this.incarnation = incarnation;
        this.lookupTimeout = lookupTimeout;
    }

    int port(String name) {
        checkName("port", name);
        requireSockets("port");
        announceProcess();
        return ports.computeIfAbsent(name, this::allocateAndPublish);
    }

    InetSocketAddress address(String ofRole, String name) {
        int peer = participants.indexOf(ofRole);
        checkName("address", name);
        requireSockets("address");
        announceProcess();
        InetSocketAddress endpoint = lookup("address", ofRole, name, DirectoryKeys.endpoint(name),
                ofRole + " allocated no endpoint '" + name + "' with port(\"" + name + "\")");
        if (participants.isSelf(ofRole)) {
            return endpoint;
        }
        // the endpoint is looked up on every call, so that a peer restarted on another port is
        // reached again: the relay keeps its address and sends new connections to the new target
        InetSocketAddress relay = relays.link(peer, name, endpoint, bindAddress());
        if (publishedLinks.add(ofRole + ":" + name)) {
            directory.put(DirectoryKeys.linkRelay(ofRole, name), hostAndPort(relay.getAddress(), relay.getPort()));
        }
        return relay;
    }

    InetSocketAddress sharedAddress(String ofRole, String name) {
        participants.indexOf(ofRole);
        checkName("sharedAddress", name);
        requireSockets("sharedAddress");
        announceProcess();
        if (!relays.canShare()) {
            throw new IllegalStateException("sharedAddress(" + ofRole + ", " + name + "): the nodes of this run are threads "
                    + "of one process, so a shared relay cannot tell which node a connection comes from; run the spec "
                    + "with -Dmultinode.launch=process (Linux), or give each node its own address(role, name)");
        }
        return lookup("sharedAddress", ofRole, name, DirectoryKeys.sharedRelay(name),
                ofRole + " allocated no endpoint '" + name + "' with port(\"" + name + "\")");
    }

    private InetSocketAddress lookup(String operation, String ofRole, String name, String key, String missingMeans) {
        String hostAndPort;
        try {
            hostAndPort = directory.get(ofRole, key, lookupTimeout);
        } catch (IllegalStateException missing) {
            throw new IllegalStateException(operation + "(" + ofRole + ", " + name + "): " + missingMeans + " within "
                    + lookupTimeout.toMillis() + " ms (the directory: " + missing.getMessage() + ")", missing);
        }
        int colon = hostAndPort.lastIndexOf(':');
        try {
            // an IP literal, as published: no name service is asked
            return new InetSocketAddress(InetAddress.getByName(hostAndPort.substring(0, colon)),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(operation + "(" + ofRole + ", " + name + "): unreadable entry " + hostAndPort, e);
        }
    }

    private int allocateAndPublish(String name) {
        InetAddress address = bindAddress();
        int port = earlierPort(name, address);
        if (port == 0) {
            port = freePorts.allocate(address, "port(" + name + ") of " + participants.self());
        }
        directory.put(DirectoryKeys.endpoint(name), hostAndPort(address, port));
        if (relays.canShare()) {
            InetSocketAddress shared = relays.shared(name, new InetSocketAddress(address, port), address,
                    this::originOf);
            directory.put(DirectoryKeys.sharedRelay(name), hostAndPort(shared.getAddress(), shared.getPort()));
        }
        return port;
    }

    /** Shared relays tell the nodes apart by their processes and bind addresses, so each node says which are its own. */
    private void announceProcess() {
        if (processAnnounced.compareAndSet(false, true)) {
            directory.put(DirectoryKeys.PROCESS, ProcessHandle.current().pid() + " " + bindAddress().getHostAddress());
        }
    }

    /**
     * Which node opened a connection that a shared relay accepted, from the processes and bind
     * addresses the nodes announced (read again for each connection: a restarted node has a new
     * process); -1 if none.
     */
    private int originOf(SocketChannel accepted) {
        List<InetAddress> binds = new ArrayList<>();
        long[] pids = new long[participants.count()];
        binds.add(WILDCARD); // the conductor's: no node
        for (int participant = 1; participant < participants.count(); participant++) {
            String announced;
            try {
                announced = directory.get(participants.roleOf(participant), DirectoryKeys.PROCESS, PRESENT_OR_NOT);
            } catch (IllegalStateException notAnnounced) {
                binds.add(WILDCARD);
                continue;
            }
            int space = announced.indexOf(' ');
            pids[participant] = Long.parseLong(announced.substring(0, space));
            try {
                binds.add(InetAddress.getByName(announced.substring(space + 1)));
            } catch (UnknownHostException e) {
                binds.add(WILDCARD);
            }
        }
        return new ConnectionOrigin(binds, participant -> pids[participant]).applyAsInt(accepted);
    }

    /** A restarted node's earlier port of the name, if it is free again; else 0. */
    private int earlierPort(String name, InetAddress address) {
        if (incarnation == 0) {
            return 0;
        }
        String earlier;
        try {
            earlier = directory.get(participants.self(), DirectoryKeys.endpoint(name), PRESENT_OR_NOT);
        } catch (IllegalStateException never) {
            return 0;
        }
        int port = Integer.parseInt(earlier.substring(earlier.lastIndexOf(':') + 1));
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port), 1);
        } catch (IOException taken) {
            return 0;
        }
        FreePorts.claim(port);
        return port;
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
    private static String hostAndPort(InetAddress address, int port) {
        try {
            return (address.isAnyLocalAddress() ? InetAddress.getLocalHost() : address).getHostAddress() + ":" + port;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The host's own address is unknown, so a port bound on " + address
                    + " cannot be published; set " + BIND_ADDRESS + " to an address of this host", e);
        }
    }

    /** A simulated run has no network but the simulated one: real sockets would run outside its schedule. */
    private void requireSockets(String operation) {
        if (simulated) {
            throw new UnsupportedOperationException("node." + operation + " of " + participants.self() + ": a simulated"
                    + " run (transport sim) has no sockets; systems with sockets of their own run in the inproc,"
                    + " chronicle and tcp transports, where their connections go through the fault relays");
        }
    }

    private static void checkName(String operation, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the endpoint's name must be a non-empty string, was "
                    + (name == null ? "null" : "empty"));
        }
    }
}
