package dev.multinode.runtime.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * All relays of one node, moved by one thread of its own ({@code multinode-relay-<node>}, a
 * daemon). A link relay carries the connections this node's system opens to a peer's endpoint; a
 * shared relay carries the connections peers open to one of this node's endpoints. Each connection
 * is relayed both ways, an end of stream is passed on once the bytes before it were delivered, and
 * the faults of its flows decide when bytes are delivered.
 *
 * <p>Every fault setter, the disconnects and {@link #heal} hand their change to the relay thread
 * and return once it was applied between two of its I/O steps (or throw after
 * {@value #ANSWER_TIMEOUT_SECONDS} s), so the change is in force when they return: after
 * {@code hold} returns, no byte of that flow is delivered until it is released; after a
 * {@code delay} or {@code bandwidth} returns, every byte the relay delivers obeys it; after a
 * disconnect returns, those connections are reset and their sockets closed.
 */
public final class RelayHub implements AutoCloseable {

    /** How long a call waits for the relay thread. */
    static final long ANSWER_TIMEOUT_SECONDS = 10;
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(ANSWER_TIMEOUT_SECONDS);
    private static final int BACKLOG = 64;

    private final String nodeName;
    private final int participants;
    private final InetAddress bindAddress;
    private final RelayCounters counters;
    private final RelayLoop loop;
    private final Thread thread;
    private final Map<String, Opened> opened = new HashMap<>();

    /** A relay opened, as its callers see it. */
    private record Opened(Listener listener, InetSocketAddress address) {
    }

    /**
     * A hub with the default options: the system clock, a short spin, warnings logged.
     *
     * @param nodeName     the node, for the thread's name and messages
     * @param participants how many participants the run has: peers are 0 to this minus 1
     * @param bindAddress  where every relay listens: that address only
     */
    public RelayHub(String nodeName, int participants, InetAddress bindAddress) {
        this(nodeName, participants, bindAddress, RelayOptions.defaults());
    }

    /**
     * @param nodeName     the node, for the thread's name and messages
     * @param participants how many participants the run has: peers are 0 to this minus 1
     * @param bindAddress  where every relay listens: that address only
     * @param options      the clock, spin, chunk size and where notices go
     */
    public RelayHub(String nodeName, int participants, InetAddress bindAddress, RelayOptions options) {
        if (participants < 1 || bindAddress == null) {
            throw new IllegalArgumentException("RelayHub of " + nodeName + ": needs 1 or more participants and a bind "
                    + "address, had " + participants + " and " + bindAddress);
        }
        this.nodeName = nodeName;
        this.participants = participants;
        this.bindAddress = bindAddress;
        this.counters = new RelayCounters(participants);
        this.loop = new RelayLoop(nodeName, participants, options, counters);
        this.thread = new Thread(loop, "multinode-relay-" + nodeName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A link relay: listens on the bind address, port 0; each accepted connection (opened by this
     * node's system) is connected to {@code target}, the peer's real endpoint. Bytes from the client
     * to the target are {@link Flow#OUT} towards {@code peer}, the others {@link Flow#IN} from it. A
     * target that refuses the connect makes the relay reset the accepted connection at once.
     *
     * @return the relay's address; the same for every call with this peer and endpoint. A call with
     *     another target (the peer restarted on a new port) sends new connections there
     */
    public InetSocketAddress openLink(int peer, String endpoint, InetSocketAddress target) {
        checkPeer("openLink", peer);
        return open("link to " + peer + " '" + endpoint + "'", Connection.Kind.OUTGOING, accepted -> peer, target);
    }

    /**
     * A shared relay for this node's own endpoint, reached by every peer at one address. Each
     * accepted connection's origin is decided by {@code originOf} (given the accepted channel, on
     * the relay thread); a connection whose origin it does not know ({@code -1}, or no participant)
     * is reset at once and reported as a notice naming its remote address. Bytes from the client to
     * the target are {@link Flow#IN} from that origin, the others {@link Flow#OUT} to it.
     *
     * @return the relay's address; the same for every call with this endpoint. A call with another
     *     target sends new connections there
     */
    public InetSocketAddress openShared(String endpoint, InetSocketAddress target, ToIntFunction<SocketChannel> originOf) {
        return open("shared '" + endpoint + "'", Connection.Kind.INCOMING, originOf, target);
    }

    private InetSocketAddress open(String name, Connection.Kind kind, ToIntFunction<SocketChannel> originOf,
                                   InetSocketAddress target) {
        // one opening at a time, so that two callers of one name share one relay
        synchronized (opened) {
            Opened relay = opened.get(name);
            if (relay != null) {
                loop.submit(name, () -> relay.listener().retarget(target), ANSWER_TIMEOUT_NANOS);
                return relay.address();
            }
            ServerSocketChannel server = null;
            try {
                server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(bindAddress, 0), BACKLOG);
                server.configureBlocking(false);
                Listener listener = new Listener(server, kind, originOf, name, target);
                loop.submit(name, () -> loop.listen(listener), ANSWER_TIMEOUT_NANOS);
                Opened fresh = new Opened(listener, RelayLoop.localAddress(server));
                opened.put(name, fresh);
                return fresh.address();
            } catch (IOException e) {
                closeIfOpen(server);
                throw new UncheckedIOException("relay " + name + " of " + nodeName + ": cannot listen on " + bindAddress, e);
            } catch (RuntimeException e) {
                closeIfOpen(server);
                throw e;
            }
        }
    }

    private static void closeIfOpen(ServerSocketChannel server) {
        if (server != null) {
            RelayLoop.closeQuietly(server);
        }
    }

    /**
     * While held, the flow's bytes are not delivered: the relay stops reading them, so TCP
     * back-pressure holds the sender as over a dead link, and an end of stream waits with them; the
     * connections stay open. Released, delivery resumes in order, nothing lost.
     */
    public void hold(int peer, Flow flow, boolean held) {
        checkPeer("hold", peer);
        change("hold(" + peer + ", " + flow + ", " + held + ")", () -> loop.faults(peer, flow).hold(held));
    }

    /**
     * Each chunk of the flow is delivered {@code nanos} after the relay read it (0 removes the
     * delay), order kept; the relay goes on reading while earlier chunks wait, so a stream is shifted
     * by the delay, not by the delay per chunk. A connection direction waits with at most
     * {@value Pipe#DELAY_CHUNKS} chunks; then it stops reading. A chunk already waiting is delivered
     * once the delay in force has passed since it was read.
     */
    public void delay(int peer, Flow flow, long nanos) {
        checkPeer("delay", peer);
        if (nanos < 0) {
            throw new IllegalArgumentException("delay(" + peer + ", " + flow + "): nanos must be 0 or more, was " + nanos);
        }
        change("delay(" + peer + ", " + flow + ", " + nanos + ")", () -> loop.faults(peer, flow).delay(nanos));
    }

    /** At most {@code bytesPerSecond} of the flow delivered a second, with a burst of 10 ms' worth; 0 is unlimited. */
    public void bandwidth(int peer, Flow flow, long bytesPerSecond) {
        checkPeer("bandwidth", peer);
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth(" + peer + ", " + flow + "): bytesPerSecond must be 0 or more, was "
                    + bytesPerSecond);
        }
        change("bandwidth(" + peer + ", " + flow + ", " + bytesPerSecond + ")",
                () -> loop.faults(peer, flow).bucket().rate(bytesPerSecond, loop.now()));
    }

    /**
     * Resets (RST) every current connection this node opened towards {@code peer} through link
     * relays, both its sides, and returns once they are closed; new connections are accepted.
     */
    public void disconnectOutgoing(int peer) {
        checkPeer("disconnectOutgoing", peer);
        loop.submit("disconnectOutgoing(" + peer + ")", () -> loop.reset(Connection.Kind.OUTGOING, peer), ANSWER_TIMEOUT_NANOS);
    }

    /** Resets every current connection {@code peer} opened to this node through shared relays, as {@link #disconnectOutgoing}. */
    public void disconnectIncoming(int peer) {
        checkPeer("disconnectIncoming", peer);
        loop.submit("disconnectIncoming(" + peer + ")", () -> loop.reset(Connection.Kind.INCOMING, peer), ANSWER_TIMEOUT_NANOS);
    }

    /** Clears every hold, delay and bandwidth limit; what waited is delivered. */
    public void heal() {
        loop.submit("heal", loop::heal, ANSWER_TIMEOUT_NANOS);
    }

    /** @return bytes of the flow delivered so far, over every connection */
    public long bytes(int peer, Flow flow) {
        checkPeer("bytes", peer);
        return counters.bytes(peer, flow);
    }

    /**
     * @param opener {@link Flow#OUT} for the connections this node's system opened to the peer (link
     *               relays), {@link Flow#IN} for those the peer opened to this node (shared relays)
     * @return such connections accepted so far, refused ones included
     */
    public long connections(int peer, Flow opener) {
        checkPeer("connections", peer);
        return counters.connections(peer, opener);
    }

    /**
     * Closes every listening socket and resets every connection, and stops the thread: afterwards no
     * thread, socket or port of the hub remains.
     *
     * @throws IllegalStateException if the thread did not end within the answer timeout
     */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("RelayHub of " + nodeName + ": interrupted while waiting for its thread to end", e);
        }
        if (thread.isAlive()) {
            // the cause carries where the relay thread is: that, not where the close waited, tells why
            Throwable where = new Throwable("the relay thread '" + thread.getName() + "' at that moment");
            where.setStackTrace(thread.getStackTrace());
            throw new IllegalStateException("RelayHub of " + nodeName + ": its thread did not end within "
                    + ANSWER_TIMEOUT_SECONDS + " s", where);
        }
    }

    /** For tests on a fake clock: pokes every connection after the clock moved, and returns once done. */
    void clockMoved() {
        loop.submit("clockMoved", loop::pokeAll, ANSWER_TIMEOUT_NANOS);
    }

    /** A fault changed: every connection is pumped at once, so held ones stop reading and released ones deliver. */
    private void change(String what, Runnable change) {
        loop.submit(what, () -> {
            change.run();
            loop.pokeAll();
        }, ANSWER_TIMEOUT_NANOS);
    }

    private void checkPeer(String operation, int peer) {
        if (peer < 0 || peer >= participants) {
            throw new IllegalArgumentException(operation + ": peer " + peer + " is not a participant of this run (0 to "
                    + (participants - 1) + ")");
        }
    }
}
