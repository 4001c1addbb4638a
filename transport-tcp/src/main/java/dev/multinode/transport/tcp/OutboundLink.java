package dev.multinode.transport.tcp;

import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of the connection from one endpoint to one participant. Between two nodes that
 * connection is shared: the node that sends first connects, and the other node, once it has checked
 * the handshake, {@linkplain #adopt adopts} the accepted connection for its own frames instead of
 * opening a second one (one connection per pair of nodes, see the package documentation). Otherwise
 * the first send connects (waiting for the participant's address if the directory has not delivered
 * it yet) and writes the handshake; later sends reuse the connection. A lock serialises the
 * senders, so the frames of one sender thread arrive in the order they were sent. Each frame is
 * copied into a direct buffer (allocated with the connection) with absolute puts, which leaves the
 * caller's buffer untouched even if other threads send it at the same time, and then written
 * without any allocation.
 *
 * <p>When the connection breaks (the participant died), the frame and every later one to the same
 * address are discarded with one debug line; a new address from the directory (the participant
 * joined again) opens a new connection.
 */
final class OutboundLink {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundLink.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final TcpEndpoint endpoint;
    private final int to;
    private final ReentrantLock lock = new ReentrantLock();
    private final BackoffIdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    private ByteBuffer out;
    private SocketChannel channel;
    private InetSocketAddress target;
    private boolean gone;
    /** Whether {@link #channel} is the participant's connection rather than one this link opened. */
    private boolean adopted;

    /**
     * @param endpoint the sending endpoint
     * @param to       the receiving participant
     */
    OutboundLink(TcpEndpoint endpoint, int to) {
        this.endpoint = endpoint;
        this.to = to;
    }

    /**
     * Connects now, before the handshake can be written: a node connects to the conductor first
     * and then listens on the local address of that connection.
     *
     * @param address where the participant listens; the same instance as in the address book
     * @return the connection
     * @throws IOException if the participant cannot be reached
     */
    SocketChannel connect(InetSocketAddress address) throws IOException {
        lock.lock();
        try {
            target = address;
            channel = open(address);
            return channel;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the handshake on the connection {@link #connect} opened.
     *
     * @param port this endpoint's listening port
     * @throws IOException if the connection fails
     */
    void handshake(int port) throws IOException {
        lock.lock();
        try {
            writeHandshake(channel, port);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes an accepted connection from the participant as this link's own, if this link has none
     * yet: writes the reply handshake on it, after which frames to the participant travel on it.
     * Called on the control thread, which must never wait for a sender: a sender may hold the lock
     * while it waits for the directory, which the control thread delivers.
     *
     * @param accepted the participant's connection to this endpoint, its handshake checked
     * @return whether the connection now carries this link's frames too
     */
    boolean adopt(SocketChannel accepted) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            // the address's instance is the directory's: a later one (a rejoin) is a new participant
            InetSocketAddress address = endpoint.book().get(to);
            if (channel != null || address == null || endpoint.isClosed()) {
                return false;
            }
            allocateBuffer();
            writeHandshake(accepted, endpoint.port());
            channel = accepted;
            adopted = true;
            target = address;
            gone = false;
            LOG.debug("Participant '{}' sends to '{}' on the connection '{}' opened", endpoint.name(), endpoint.name(to),
                    endpoint.name(to));
            return true;
        } catch (IOException | IllegalStateException e) {
            // the connection broke, or the endpoint is closing: this link opens its own when it sends
            LOG.debug("Participant '{}' could not reply on the connection from '{}': {}", endpoint.name(),
                    endpoint.name(to), e.toString());
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether frames to the participant travel on a connection it opened */
    boolean sharesAcceptedConnection() {
        lock.lock();
        try {
            return adopted && channel != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends one frame; see {@link TcpEndpoint#send} for what is checked before.
     *
     * @param type    the frame type
     * @param payload the bytes between position and limit, left untouched
     */
    void send(int type, ByteBuffer payload) {
        lock.lock();
        try {
            SocketChannel connection = connection();
            if (connection != null) {
                write(connection, type, payload);
            }
        } catch (ClosedByInterruptException e) {
            forget();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to participant '" + endpoint.name(to) + "'", e);
        } catch (IOException e) {
            if (endpoint.isClosed()) {
                throw endpoint.closedException();
            }
            lose(e);
        } finally {
            lock.unlock();
        }
    }

    /** @return the connection to use, or null if the participant is gone and the frame is discarded */
    private SocketChannel connection() throws IOException {
        InetSocketAddress address = endpoint.book().get(to);
        if (address != null && address == target) {
            return gone ? null : channel;
        }
        if (address == null) {
            address = awaitAddress();
        }
        if (channel != null) {
            endpoint.closeQuietly(channel);
            channel = null;
        }
        target = address;
        gone = false;
        adopted = false;
        channel = open(address);
        writeHandshake(channel, endpoint.port());
        if (to != TransportContext.CONDUCTOR && endpoint.participant() != TransportContext.CONDUCTOR) {
            // the other node may adopt this connection for its frames to us
            endpoint.readRepliesOn(to, channel, address);
        }
        return channel;
    }

    private InetSocketAddress awaitAddress() {
        InetSocketAddress address;
        try {
            address = endpoint.book().await(to, endpoint.settings().directoryTimeoutNs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the address of participant '"
                    + endpoint.name(to) + "'", e);
        }
        if (endpoint.isClosed()) {
            throw endpoint.closedException();
        }
        if (address == null) {
            throw new IllegalStateException("Participant '" + endpoint.name(to) + "' (index " + to
                    + ") has not joined the conductor within "
                    + TimeUnit.NANOSECONDS.toMillis(endpoint.settings().directoryTimeoutNs()) + " ms ("
                    + TcpSettings.DIRECTORY_TIMEOUT + "), so participant '" + endpoint.name() + "' cannot reach it");
        }
        return address;
    }

    private void allocateBuffer() {
        if (out == null) {
            out = ByteBuffer.allocateDirect(Math.max(Handshake.BYTES,
                    (int) Math.min(BUFFER_BYTES, FrameDecoder.HEADER_BYTES + (long) endpoint.maxFrameSize())));
        }
    }

    private SocketChannel open(InetSocketAddress address) throws IOException {
        allocateBuffer();
        SocketChannel opened = SocketChannel.open();
        if (!endpoint.track(opened)) {
            throw endpoint.closedException();
        }
        try {
            opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            opened.socket().connect(address,
                    (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(endpoint.settings().connectTimeoutNs())));
            opened.configureBlocking(false);
            return opened;
        } catch (IOException e) {
            endpoint.closeQuietly(opened);
            throw e;
        }
    }

    private void writeHandshake(SocketChannel connection, int port) throws IOException {
        out.clear();
        Handshake.write(out, endpoint.digest(), endpoint.participant(), to, port);
        out.flip();
        drain(connection);
    }

    private void write(SocketChannel connection, int type, ByteBuffer payload) throws IOException {
        int from = payload.position();
        int end = payload.limit();
        out.clear();
        out.putInt(1 + end - from).put((byte) type);
        do {
            int chunk = Math.min(end - from, out.remaining());
            out.put(out.position(), payload, from, chunk);
            out.position(out.position() + chunk);
            from += chunk;
            out.flip();
            drain(connection);
            out.clear();
        } while (from < end);
    }

    /** Writes all of {@link #out}, backing off while the receiver's socket is full, for a bounded time. */
    private void drain(SocketChannel connection) throws IOException {
        long stalledSince = 0;
        while (out.hasRemaining()) {
            if (connection.write(out) > 0) {
                stalledSince = 0;
                continue;
            }
            long now = System.nanoTime();
            if (stalledSince == 0) {
                stalledSince = now;
                idle.reset();
            } else if (now - stalledSince > endpoint.settings().sendTimeoutNs()) {
                forget();
                throw new IllegalStateException("Participant '" + endpoint.name(to) + "' has read nothing for "
                        + TimeUnit.NANOSECONDS.toMillis(endpoint.settings().sendTimeoutNs()) + " ms ("
                        + TcpSettings.SEND_TIMEOUT + "); the frame from '" + endpoint.name()
                        + "' is dropped and the connection closed");
            }
            if (endpoint.isClosed()) {
                throw endpoint.closedException();
            }
            if (Thread.currentThread().isInterrupted()) {
                forget();
                throw new IllegalStateException("Interrupted while sending to participant '" + endpoint.name(to) + "'");
            }
            idle.idle();
        }
    }

    /** Closes a connection left in the middle of a frame; the next send opens a new one. */
    private void forget() {
        if (channel != null) {
            endpoint.closeQuietly(channel);
            channel = null;
        }
        target = null;
    }

    /** The participant is gone: discard frames to this address from now on. */
    private void lose(IOException cause) {
        if (!gone) {
            LOG.debug("Participant '{}' lost its connection to '{}' at {}; frames to it are discarded until it joins again: {}",
                    endpoint.name(), endpoint.name(to), target, cause.toString());
        }
        gone = true;
        if (channel != null) {
            endpoint.closeQuietly(channel);
            channel = null;
        }
    }
}
