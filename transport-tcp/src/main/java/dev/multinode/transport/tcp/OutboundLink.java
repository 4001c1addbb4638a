package dev.multinode.transport.tcp;

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
 * The sending side of the connection from one endpoint to one participant. The first send
 * connects (waiting for the participant's address if the directory has not delivered it yet) and
 * writes the handshake; later sends reuse the connection. A lock serialises the senders, so the
 * frames of one sender thread arrive in the order it sent them. Each frame is copied into a
 * direct buffer (allocated with the connection) with absolute puts, which leaves the caller's buffer untouched even if
 * other threads send it at the same time, and then written without any allocation.
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
        channel = open(address);
        writeHandshake(channel, endpoint.port());
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

    private SocketChannel open(InetSocketAddress address) throws IOException {
        if (out == null) {
            out = ByteBuffer.allocateDirect(Math.max(Handshake.BYTES,
                    (int) Math.min(BUFFER_BYTES, FrameDecoder.HEADER_BYTES + (long) endpoint.maxFrameSize())));
        }
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
