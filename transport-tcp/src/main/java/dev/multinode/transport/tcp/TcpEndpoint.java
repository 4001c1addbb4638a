package dev.multinode.transport.tcp;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's endpoint: a listener on an ephemeral port, a link per receiver (a connection
 * opened on first use or, between nodes, the one the other node opened), and the connections the
 * other participants send on, which {@link #poll} reads. The transport's control thread accepts
 * and authenticates connections and hands them over; see the package documentation for the
 * protocol.
 */
final class TcpEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TcpEndpoint.class);
    private static final int INITIAL_RECEIVE_BUFFER = 64 * 1024;

    private final TcpTransport transport;
    private final int participant;
    private final List<String> names;
    private final int maxFrameSize;
    private final AddressBook book;
    private final OutboundLink[] links;
    private final Selector selector;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<InboundLink> handedOver = new ConcurrentLinkedQueue<>();
    private final List<InboundLink> inbound = new ArrayList<>();
    private final DirectoryPublisher publisher;
    private final Consumer<SelectionKey> onReadable = this::onReadable;
    private volatile boolean closed;
    private ServerSocketChannel listener;
    private int port;
    private FrameReceiver pollReceiver;
    private int pollRemaining;

    private TcpEndpoint(TcpTransport transport, int participant) throws IOException {
        TransportContext context = transport.context();
        this.transport = transport;
        this.participant = participant;
        this.names = context.participants();
        this.maxFrameSize = context.maxFrameSize();
        this.book = new AddressBook(names.size());
        this.publisher = participant == TransportContext.CONDUCTOR ? new DirectoryPublisher(this, book) : null;
        this.links = new OutboundLink[names.size()];
        for (int i = 0; i < links.length; i++) {
            links[i] = new OutboundLink(this, i);
        }
        this.selector = Selector.open();
    }

    /**
     * Opens the conductor's endpoint on the listener the transport bound when it opened.
     *
     * @param transport the transport
     * @param listener  the conductor's listener
     * @return the endpoint
     * @throws IOException if it cannot be opened
     */
    static TcpEndpoint openConductor(TcpTransport transport, ServerSocketChannel listener) throws IOException {
        TcpEndpoint endpoint = new TcpEndpoint(transport, TransportContext.CONDUCTOR);
        endpoint.listenOn(listener);
        return endpoint;
    }

    /**
     * Opens a node's endpoint: it connects to the conductor, listens (by default on the local
     * address of that connection, which other hosts can reach if the conductor is remote), and
     * registers with a handshake that carries its port.
     *
     * @param transport   the transport
     * @param participant the node's index
     * @param conductor   the conductor's address
     * @return the endpoint
     * @throws IOException if the conductor cannot be reached or no port can be bound
     */
    static TcpEndpoint openNode(TcpTransport transport, int participant, InetSocketAddress conductor) throws IOException {
        TcpEndpoint endpoint = new TcpEndpoint(transport, participant);
        try {
            endpoint.book.put(TransportContext.CONDUCTOR, conductor);
            OutboundLink toConductor = endpoint.links[TransportContext.CONDUCTOR];
            SocketChannel connection;
            try {
                connection = toConductor.connect(endpoint.book.get(TransportContext.CONDUCTOR));
            } catch (IOException e) {
                throw new IOException("Participant '" + endpoint.name() + "' cannot reach the conductor at "
                        + TcpSettings.format(conductor) + ": " + e.getMessage(), e);
            }
            InetAddress bindAddress = transport.settings().bindAddress();
            if (bindAddress == null) {
                bindAddress = ((InetSocketAddress) connection.getLocalAddress()).getAddress();
            }
            endpoint.listenOn(listen(bindAddress, endpoint.names.size()));
            toConductor.handshake(endpoint.port);
            transport.control().register(connection, SelectionKey.OP_READ,
                    new DirectoryReader(endpoint, connection, TcpSettings.format(conductor), endpoint.book));
            return endpoint;
        } catch (IOException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }

    /**
     * Binds a listener on an ephemeral port.
     *
     * @param address      the address to listen on
     * @param participants how many participants may connect
     * @return the listener, non-blocking
     * @throws IOException if it cannot be bound
     */
    static ServerSocketChannel listen(InetAddress address, int participants) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.configureBlocking(false);
            server.bind(new InetSocketAddress(address, 0), participants + 16);
            return server;
        } catch (IOException e) {
            server.close();
            throw new IOException("Cannot listen on " + address.getHostAddress() + " (" + TcpSettings.BIND_ADDRESS + "): "
                    + e.getMessage(), e);
        }
    }

    private void listenOn(ServerSocketChannel server) throws IOException {
        if (!track(server)) {
            throw closedException();
        }
        listener = server;
        InetSocketAddress local = (InetSocketAddress) server.getLocalAddress();
        port = local.getPort();
        InetAddress host = local.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : local.getAddress();
        book.put(participant, new InetSocketAddress(host, port));
        transport.control().register(server, SelectionKey.OP_ACCEPT, new Acceptor(this, transport.control(), server));
    }

    @Override
    public int participant() {
        return participant;
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        if (closed) {
            throw closedException();
        }
        if (to < 0 || to >= links.length) {
            throw new IllegalArgumentException("Participant index " + to + " is out of range 0.." + (links.length - 1)
                    + " " + names);
        }
        if (type < MIN_TYPE || type > MAX_TYPE) {
            throw new IllegalArgumentException("Frame type " + type + " to participant '" + name(to)
                    + "' is out of range " + MIN_TYPE + ".." + MAX_TYPE);
        }
        int size = payload.remaining();
        if (size > maxFrameSize) {
            throw new IllegalArgumentException("frame of " + size + " bytes to participant '" + name(to)
                    + "' exceeds the limit of " + maxFrameSize + " bytes");
        }
        links[to].send(type, payload);
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        if (closed || limit <= 0) {
            return 0;
        }
        pollReceiver = receiver;
        pollRemaining = limit;
        try {
            adoptHandedOver();
            for (int i = 0; i < inbound.size() && pollRemaining > 0; i++) {
                InboundLink link = inbound.get(i);
                if (link.hasBufferedBytes()) {
                    pollRemaining -= link.deliverBuffered(receiver, pollRemaining);
                }
            }
            if (pollRemaining > 0) {
                selector.selectNow(onReadable);
            }
        } catch (ClosedSelectorException e) {
            LOG.debug("Participant '{}' closed while polling", name());
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException("Participant '" + name() + "' cannot poll its connections", e);
            }
        } finally {
            pollReceiver = null;
            removeClosedLinks();
        }
        return limit - pollRemaining;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Waits in the endpoint's selector until a connection has bytes to read, a new connection is
     * handed over or the endpoint closes; returns at once if a poll left a whole frame in a buffer.
     * The wait is rounded up to whole milliseconds, the selector's unit: a wait ends early for
     * frames, so only the caller's other work can be that much late.
     *
     * @return {@code true}: this endpoint wakes when a frame arrives
     */
    @Override
    public boolean awaitFrames(long timeoutNanos) {
        if (closed || timeoutNanos <= 0 || !handedOver.isEmpty() || holdsWholeFrame()) {
            return true;
        }
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + TimeUnit.MILLISECONDS.toNanos(1) - 1));
        try {
            // level-triggered: the readable keys stay ready for the poll that follows
            selector.select(key -> { }, millis);
        } catch (ClosedSelectorException e) {
            LOG.debug("Participant '{}' closed while waiting for frames", name());
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException("Participant '" + name() + "' cannot wait for its connections", e);
            }
        }
        return true;
    }

    /** Ends a wait in the selector, which an unpark does not; a wake-up before the wait ends the next one. */
    @Override
    public void wakeUp() {
        selector.wakeup();
    }

    private boolean holdsWholeFrame() {
        for (int i = 0; i < inbound.size(); i++) {
            if (inbound.get(i).hasWholeFrame()) {
                return true;
            }
        }
        return false;
    }

    private void onReadable(SelectionKey key) {
        if (pollRemaining > 0) {
            pollRemaining -= ((InboundLink) key.attachment()).readAndDeliver(pollReceiver, pollRemaining);
        }
    }

    private void adoptHandedOver() {
        for (InboundLink link; (link = handedOver.poll()) != null; ) {
            try {
                link.register(selector);
                inbound.add(link);
            } catch (ClosedChannelException e) {
                LOG.debug("Participant '{}': a connection closed before its first poll", name());
            }
        }
    }

    private void removeClosedLinks() {
        for (int i = inbound.size() - 1; i >= 0; i--) {
            if (inbound.get(i).isClosed()) {
                inbound.remove(i);
            }
        }
    }

    /**
     * Takes over a connection whose handshake succeeded; called on the control thread.
     *
     * @param handshake  what the sender presented
     * @param channel    the connection
     * @param remote     its remote address, whose host is the sender's host
     * @param controlKey the connection's key with the control selector
     */
    void accepted(Handshake handshake, SocketChannel channel, InetSocketAddress remote, SelectionKey controlKey) {
        if (publisher != null && handshake.sender() != TransportContext.CONDUCTOR) {
            publisher.register(handshake.sender(), new InetSocketAddress(remote.getAddress(), handshake.port()), channel,
                    controlKey);
        } else {
            controlKey.cancel();
        }
        LOG.debug("Participant '{}' accepted a connection from '{}' ({})", name(), name(handshake.sender()), remote);
        // before the poller can read the sender's first frame, so that an answer to it goes back on this connection
        if (participant != TransportContext.CONDUCTOR && handshake.sender() != TransportContext.CONDUCTOR) {
            links[handshake.sender()].adopt(channel);
        }
        handedOver.add(new InboundLink(this, handshake.sender(), channel, remote.toString(), INITIAL_RECEIVE_BUFFER,
                maxFrameSize, false));
        selector.wakeup(); // a poller waiting in awaitFrames adopts it now
    }

    /**
     * Reads the frames that another node may send back on a connection this endpoint opened to it,
     * once that node has answered with its own handshake; called by the link that opened it.
     *
     * @param from    the node connected to
     * @param channel the connection
     * @param address where it was opened to, for the logs
     */
    void readRepliesOn(int from, SocketChannel channel, InetSocketAddress address) {
        handedOver.add(new InboundLink(this, from, channel, address.toString(), INITIAL_RECEIVE_BUFFER, maxFrameSize,
                true));
        selector.wakeup();
    }

    /**
     * @param to a node's index
     * @return whether frames to it travel on the connection it opened to this endpoint
     */
    boolean sharesAcceptedConnection(int to) {
        return links[to].sharesAcceptedConnection();
    }

    /**
     * Records a channel so that {@link #close} closes it.
     *
     * @param channel a channel of this endpoint
     * @return false (and the channel closed) if the endpoint is already closed
     */
    boolean track(Channel channel) {
        channels.add(channel);
        if (closed) {
            closeQuietly(channel);
            return false;
        }
        return true;
    }

    /**
     * Closes a channel of this endpoint and forgets it.
     *
     * @param channel the channel
     */
    void closeQuietly(Channel channel) {
        channels.remove(channel);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", channel, e);
        }
    }

    /**
     * Closes every connection, the listener and the selector, and returns once their sockets are
     * released; senders waiting for an address give up.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        book.close();
        for (Channel channel : channels) {
            closeQuietly(channel);
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the selector of participant '{}' failed", name(), e);
        }
        transport.control().release();
        transport.closed(this);
    }

    /** @return the exception for using a closed endpoint */
    IllegalStateException closedException() {
        return new IllegalStateException("The endpoint of participant '" + name() + "' is closed");
    }

    /** @return whether {@link #close} was called */
    boolean isClosed() {
        return closed;
    }

    /** @return this participant's name */
    String name() {
        return names.get(participant);
    }

    /**
     * @param index a participant index
     * @return that participant's name
     */
    String name(int index) {
        return names.get(index);
    }

    /** @return how many participants the run has */
    int participants() {
        return names.size();
    }

    /** @return the port this endpoint listens on */
    int port() {
        return port;
    }

    /** @return the largest payload */
    int maxFrameSize() {
        return maxFrameSize;
    }

    /** @return the run's secret digest */
    byte[] digest() {
        return transport.digest();
    }

    /** @return the transport's settings */
    TcpSettings settings() {
        return transport.settings();
    }

    /** @return where the participants listen, as this endpoint knows it */
    AddressBook book() {
        return book;
    }

    @Override
    public String toString() {
        return "tcp endpoint of '" + name() + "' on port " + port;
    }
}
