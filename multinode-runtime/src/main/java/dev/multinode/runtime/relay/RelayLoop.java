package dev.multinode.runtime.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.NanoClock;

/**
 * The relay thread's work, in the style of Aeron's receiver: one selector over every listening
 * socket and connection of the hub, the commands other threads submitted, and the waits for time
 * (delays, bandwidth, connects). After work it spins on non-blocking selects for a while, then
 * blocks in {@code select} until a socket is ready, a command is submitted (which wakes the
 * selector) or the earliest wait ends. All its state is confined to that thread.
 */
final class RelayLoop implements Runnable {

    /** A target that has not accepted within this is treated as gone. */
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int COMMAND_CAPACITY = 1024;
    private static final Consumer<SelectionKey> IGNORE = key -> { };

    private final String name;
    private final int participants;
    private final NanoClock clock;
    private final int spinSelects;
    private final Consumer<String> notices;
    private final FlowFaults[][] faults;
    private final RelayCounters counters;
    private final ChunkPool pool;
    private final Selector selector;
    private final ManyToOneConcurrentArrayQueue<RelayCommand> commands = new ManyToOneConcurrentArrayQueue<>(COMMAND_CAPACITY);
    private final List<Listener> listeners = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private volatile boolean running = true;
    /** Set once the loop closed everything; commands offered after it are refused by their caller. */
    private volatile boolean ended;

    RelayLoop(String name, int participants, RelayOptions options, RelayCounters counters) {
        this.name = name;
        this.participants = participants;
        this.clock = options.clock();
        this.spinSelects = options.spinSelects();
        this.notices = options.notices();
        this.counters = counters;
        this.pool = new ChunkPool(options.chunkSize());
        this.faults = new FlowFaults[participants][Flow.values().length];
        for (FlowFaults[] ofPeer : faults) {
            for (int flow = 0; flow < ofPeer.length; flow++) {
                ofPeer[flow] = new FlowFaults();
            }
        }
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("relay of " + name + ": cannot open a selector", e);
        }
    }

    /**
     * Hands work to the relay thread and waits until it is done.
     *
     * @throws IllegalStateException if the loop ended, the queue is full, or the thread did not answer
     */
    void submit(String what, Runnable action, long timeoutNanos) {
        RelayCommand command = new RelayCommand(action);
        if (!running) {
            throw new IllegalStateException(what + ": the relay hub of " + name + " is closed");
        }
        if (!commands.offer(command)) {
            throw new IllegalStateException(what + ": " + COMMAND_CAPACITY + " commands wait for the relay thread of " + name);
        }
        selector.wakeup();
        if (ended) {
            // the loop's last drain may have missed it
            throw new IllegalStateException(what + ": the relay hub of " + name + " is closed");
        }
        command.await(what, timeoutNanos);
    }

    /** Ends the loop: it closes everything on its way out. Any thread. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            int idleSelects = 0;
            while (running) {
                int work = commands.drain(RelayCommand::execute);
                long now = clock.nanoTime();
                long wake = pokeDue(now);
                work += removeClosed();
                int ready;
                if (work > 0) {
                    idleSelects = 0;
                }
                if (idleSelects < spinSelects) {
                    ready = selector.selectNow(onReady);
                    idleSelects++;
                } else {
                    ready = selector.select(onReady, blockMillis(wake, now));
                }
                if (ready > 0) {
                    idleSelects = 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            notices.accept("relay of " + name + " failed, its connections are reset: " + e);
        } finally {
            running = false;
            shutdown();
        }
    }

    /** {@code select(0)} blocks for good, so a wait for time blocks at least a millisecond. */
    private static long blockMillis(long wake, long now) {
        if (wake == Pipe.NOT_WAITING) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - now + TimeUnit.MILLISECONDS.toNanos(1) - 1));
    }

    /** @return the earliest wait left after poking every connection whose wait ended */
    private long pokeDue(long now) {
        long earliest = Pipe.NOT_WAITING;
        for (int i = 0; i < connections.size(); i++) {
            Connection connection = connections.get(i);
            if (connection.waitingUntil() <= now) {
                connection.poke(now);
            }
            earliest = Math.min(earliest, connection.waitingUntil());
        }
        return earliest;
    }

    private int removeClosed() {
        int before = connections.size();
        connections.removeIf(Connection::closed);
        return before - connections.size();
    }

    private void onReady(SelectionKey key) {
        Object attachment = key.attachment();
        if (attachment instanceof Connection connection) {
            connection.onReady(key, clock.nanoTime());
        } else if (key.isValid() && key.isAcceptable()) {
            accept((Listener) attachment);
        }
    }

    private void accept(Listener listener) {
        while (true) {
            SocketChannel client;
            try {
                client = listener.server().accept();
            } catch (IOException e) {
                notices.accept("relay " + listener.name() + " of " + name + " could not accept a connection: " + e);
                return;
            }
            if (client == null) {
                return;
            }
            connect(listener, client);
        }
    }

    private void connect(Listener listener, SocketChannel client) {
        int origin = listener.originOf(client);
        if (origin < 0 || origin >= participants) {
            notices.accept("relay " + listener.name() + " of " + name + " refused a connection from " + remoteOf(client)
                    + ": its origin is unknown (" + origin + ")");
            Connection.lingerZero(client);
            Connection.closeQuietly(client);
            return;
        }
        counters.accepted(origin, listener.clientFlow());
        SocketChannel target = null;
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            target = SocketChannel.open();
            target.configureBlocking(false);
            target.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = target.connect(listener.target());
            Connection connection = new Connection(listener.kind(), origin, client, target, listener.clientFlow(),
                    faults[origin], counters, pool, clock.nanoTime() + CONNECT_TIMEOUT_NANOS);
            connection.register(selector, connected);
            connections.add(connection);
        } catch (IOException | RuntimeException e) {
            // the target is gone: the client learns it at once, as from a refused connect
            Connection.lingerZero(client);
            Connection.closeQuietly(client);
            if (target != null) {
                Connection.closeQuietly(target);
            }
        }
    }

    private static String remoteOf(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "an address no longer known";
        }
    }

    // The commands' work, on the relay thread.

    void listen(Listener listener) {
        try {
            listener.server().register(selector, SelectionKey.OP_ACCEPT, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register relay " + listener.name(), e);
        }
        listeners.add(listener);
    }

    FlowFaults faults(int peer, Flow flow) {
        return faults[peer][flow.ordinal()];
    }

    long now() {
        return clock.nanoTime();
    }

    /** Pumps every connection: a fault changed or the clock moved. */
    void pokeAll() {
        long now = clock.nanoTime();
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).poke(now);
        }
        flushCloses();
    }

    /** Resets every connection of that kind and peer and returns once their sockets are closed. */
    void reset(Connection.Kind kind, int peer) {
        for (int i = 0; i < connections.size(); i++) {
            Connection connection = connections.get(i);
            if (connection.kind() == kind && connection.peer() == peer) {
                connection.reset();
            }
        }
        flushCloses();
    }

    void heal() {
        long now = clock.nanoTime();
        for (FlowFaults[] ofPeer : faults) {
            for (FlowFaults flow : ofPeer) {
                flow.heal(now);
            }
        }
        pokeAll();
    }

    /**
     * A channel registered with a selector is closed in the kernel only when its key is deregistered,
     * at the next select: one now, so that a reset has reached the peer when its command returns.
     * Readiness it sees is reported again by the next select, since the selector is level-triggered.
     */
    private void flushCloses() {
        try {
            selector.selectNow(IGNORE);
        } catch (IOException e) {
            throw new UncheckedIOException("relay of " + name + ": select failed", e);
        }
        removeClosed();
    }

    private void shutdown() {
        for (Connection connection : connections) {
            connection.reset();
        }
        connections.clear();
        for (Listener listener : listeners) {
            closeQuietly(listener.server());
        }
        listeners.clear();
        try {
            selector.close();
        } catch (IOException e) {
            notices.accept("relay of " + name + ": closing its selector failed: " + e);
        }
        ended = true;
        RelayCommand pending;
        while ((pending = commands.poll()) != null) {
            pending.refuse("the relay hub of " + name + " is closed");
        }
    }

    static void closeQuietly(ServerSocketChannel server) {
        try {
            server.close();
        } catch (IOException e) {
            // closing is best effort: the kernel frees the port either way
        }
    }

    /** @return the listening socket's own address, as a peer reaches it */
    static InetSocketAddress localAddress(ServerSocketChannel server) {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("a relay's listening socket has no address", e);
        }
    }
}
