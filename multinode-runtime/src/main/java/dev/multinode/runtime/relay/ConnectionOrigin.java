package dev.multinode.runtime.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.ToIntFunction;

/**
 * Which node opened a TCP connection that a shared relay accepted: its participant index, or
 * {@link #UNKNOWN}. A shared relay has one address for all peers, as gossip systems advertise one
 * address per node, so the sender must be recognised from what the connection shows:
 * <ol>
 * <li>A peer on another host is known by its source address, if that is the bind address of
 *     exactly one node (nodes on distinct hosts, external launch).</li>
 * <li>A peer on this host is known, on Linux, by the process holding the connection's other end
 *     ({@link ProcSockets}), if that is the process of exactly one node; if no node's process
 *     holds it, by its source address as above. The process comes first because on one host the
 *     source address is the kernel's choice, not the node's: a socket that does not bind one
 *     reaches every loopback address from 127.0.0.1.</li>
 * </ol>
 * Nodes that are threads of one JVM (thread launch) are one process, so neither tells them apart:
 * {@link #whyUnidentifiable} says so. One instance serves concurrent lookups if {@code pidOf} does.
 */
public final class ConnectionOrigin implements ToIntFunction<SocketChannel> {

    /** The origin of a connection that no node, or more than one, could have opened. */
    public static final int UNKNOWN = -1;

    /**
     * How long a lookup tries again for a client end that no node's process is seen to hold: its
     * pid may not be known yet, or the table was read while it changed.
     */
    private static final Duration SETTLE = Duration.ofMillis(20);

    /** No node's process holds the connection's other end, as opposed to several holding it. */
    private static final int NO_PROCESS = -2;
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ProcSockets proc;
    private final Path procRoot;
    private final List<InetAddress> bindAddresses;
    private final IntToLongFunction pidOf;
    private final long settleNanos;

    /**
     * Looks up processes in this host's {@code /proc}.
     *
     * @param bindAddresses each participant's bind address, by participant index: the address its
     *                      endpoints are published at, not a wildcard
     * @param pidOf the pid of a participant's process, or 0 or less while it is not known (not
     *              started, on another host) or for a participant that opens no connections; asked
     *              at each lookup, so a node started or restarted since is found
     */
    public ConnectionOrigin(List<InetAddress> bindAddresses, IntToLongFunction pidOf) {
        this(Path.of("/proc"), bindAddresses, pidOf, SETTLE);
    }

    /**
     * Looks up processes under {@code procRoot}, a fake tree in tests.
     *
     * @param settle how long a lookup tries again for a client end that no node's process holds
     */
    ConnectionOrigin(Path procRoot, List<InetAddress> bindAddresses, IntToLongFunction pidOf, Duration settle) {
        if (bindAddresses == null || bindAddresses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("every participant needs a bind address, given were " + bindAddresses);
        }
        if (pidOf == null || settle.isNegative()) {
            throw new IllegalArgumentException("a lookup needs the participants' pids and a settle time of 0 or more, given were "
                    + pidOf + " and " + settle);
        }
        this.proc = new ProcSockets(procRoot);
        this.procRoot = procRoot;
        this.bindAddresses = List.copyOf(bindAddresses);
        this.pidOf = pidOf;
        this.settleNanos = settle.toNanos();
    }

    /**
     * The participant that opened {@code accepted}, or {@link #UNKNOWN}. A peer on this host that
     * no node's process holds is looked for again until the settle time passed (20 ms from the
     * public constructor; each try reads the socket tables, milliseconds on a large host), then
     * known by its source address if at all.
     *
     * @throws IllegalArgumentException if the channel is not connected
     */
    @Override
    public int applyAsInt(SocketChannel accepted) {
        try {
            InetSocketAddress remote = (InetSocketAddress) accepted.getRemoteAddress();
            if (remote != null) {
                return originOf((InetSocketAddress) accepted.getLocalAddress(), remote);
            }
        } catch (IOException closed) {
            throw new IllegalArgumentException("the origin of " + accepted + " is asked, but it is closed", closed);
        }
        throw new IllegalArgumentException("the origin of " + accepted + " is asked, but it is not connected");
    }

    /** @param local the accepted connection's own end; @param remote its peer */
    int originOf(InetSocketAddress local, InetSocketAddress remote) {
        InetAddress source = remote.getAddress();
        int bySource = soleParticipant(bindAddresses.indexOf(source), bindAddresses.lastIndexOf(source));
        if (!onThisHost(source) || !proc.available()) {
            return bySource;
        }
        int byProcess = byProcess(local, remote);
        return byProcess == NO_PROCESS ? bySource : byProcess;
    }

    /**
     * Why connections of some participants cannot be told apart, judged by the pids known now, or
     * empty if each can be known: participants in one process (threads of one JVM, as in thread
     * launch) never can; without /proc, participants bound to one address cannot.
     */
    public Optional<String> whyUnidentifiable() {
        Optional<String> oneProcess = firstShared(this::knownPid).map(shared -> "participants " + shared.getValue()
                + " are one process (pid " + shared.getKey() + "): threads of one JVM, as in thread launch, hold their"
                + " sockets in one process and reach each other from the source address the kernel picks, so which of"
                + " them opened a connection cannot be known; process launch gives each node a process of its own");
        if (oneProcess.isPresent() || proc.available()) {
            return oneProcess;
        }
        return firstShared(bindAddresses::get).map(shared -> "participants " + shared.getValue() + " bind the same address "
                + shared.getKey().getHostAddress() + " and " + procRoot + " does not show this host's sockets (Linux only),"
                + " so which of them opened a connection cannot be known; give each node an address of its own");
    }

    /**
     * The client's end of the connection is its {@code remote}; once it is found, the node whose
     * process holds it. An end may be briefly missing (its process's pid not yet known, a table read
     * while it changes), so the lookup tries again for a few milliseconds.
     */
    private int byProcess(InetSocketAddress local, InetSocketAddress remote) {
        long deadline = System.nanoTime() + settleNanos;
        while (true) {
            Map<Long, List<Integer>> nodes = byKey(this::knownPid);
            long inode = proc.inodeOf(remote, local);
            long holder = inode == ProcSockets.NO_INODE ? -1
                    : proc.holderOf(inode, nodes.keySet().stream().mapToLong(Long::longValue).toArray());
            if (holder != -1) {
                List<Integer> holders = nodes.get(holder);
                return soleParticipant(holders.get(0), holders.get(holders.size() - 1));
            }
            if (System.nanoTime() - deadline >= 0) {
                return NO_PROCESS;
            }
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
    }

    private Long knownPid(int participant) {
        long pid = pidOf.applyAsLong(participant);
        return pid > 0 ? pid : null;
    }

    private <K> Optional<Map.Entry<K, List<Integer>>> firstShared(IntFunction<K> key) {
        return byKey(key).entrySet().stream().filter(group -> group.getValue().size() > 1).findFirst();
    }

    /** The participants by a key of each, in index order; a participant whose key is null is left out. */
    private <K> Map<K, List<Integer>> byKey(IntFunction<K> key) {
        Map<K, List<Integer>> groups = new LinkedHashMap<>();
        for (int participant = 0; participant < bindAddresses.size(); participant++) {
            K value = key.apply(participant);
            if (value != null) {
                groups.computeIfAbsent(value, any -> new ArrayList<>()).add(participant);
            }
        }
        return groups;
    }

    private static int soleParticipant(int first, int last) {
        return first == last ? first : UNKNOWN;
    }

    /** An interface list that cannot be read does not rule the tables out: an end found there is certain. */
    private static boolean onThisHost(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }
}
