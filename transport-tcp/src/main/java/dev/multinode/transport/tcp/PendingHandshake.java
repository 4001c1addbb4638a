package dev.multinode.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An accepted connection that has not proven itself yet. It reads exactly one handshake, never a
 * byte more, so that the frames behind it stay in the socket for the endpoint's poll; anything
 * wrong, or too slow, closes it with one warning naming the remote address and the reason.
 */
final class PendingHandshake implements ControlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PendingHandshake.class);

    private final TcpEndpoint endpoint;
    private final ControlLoop control;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final long deadline;
    private final ByteBuffer bytes = ByteBuffer.allocate(Handshake.BYTES);

    /**
     * @param endpoint the endpoint whose listener accepted the connection
     * @param control  the control loop watching it
     * @param channel  the connection, non-blocking
     * @param remote   its remote address
     * @param deadline when the handshake must be complete, in {@link System#nanoTime()} terms
     */
    PendingHandshake(TcpEndpoint endpoint, ControlLoop control, SocketChannel channel, InetSocketAddress remote,
                     long deadline) {
        this.endpoint = endpoint;
        this.control = control;
        this.channel = channel;
        this.remote = remote;
        this.deadline = deadline;
    }

    /** @return when the handshake must be complete */
    long deadline() {
        return deadline;
    }

    /**
     * @param selector the control selector
     * @throws ClosedChannelException if the connection closed meanwhile
     */
    void register(Selector selector) throws ClosedChannelException {
        channel.register(selector, SelectionKey.OP_READ, this);
    }

    @Override
    public void onReady(SelectionKey key) {
        int read;
        try {
            read = channel.read(bytes);
        } catch (IOException e) {
            refuse("connection failed during the handshake: " + e.getMessage());
            return;
        }
        try {
            if (bytes.position() >= Integer.BYTES) {
                Handshake.checkMagic(bytes.getInt(0));
            }
            if (read < 0) {
                refuse("closed the connection after " + bytes.position() + " of " + Handshake.BYTES + " handshake bytes");
            } else if (!bytes.hasRemaining()) {
                Handshake handshake = Handshake.read(bytes.flip(), endpoint.digest(), endpoint.participant(),
                        endpoint.participants());
                control.forget(this);
                endpoint.accepted(handshake, channel, remote, key);
            }
        } catch (HandshakeRejectedException e) {
            refuse(e.getMessage());
        }
    }

    /**
     * Refuses the connection if its time is up, or drops it if its endpoint closed.
     *
     * @param now the current {@link System#nanoTime()}
     * @return whether the connection is gone
     */
    boolean expire(long now) {
        if (endpoint.isClosed()) {
            discard();
            return true;
        }
        if (now - deadline >= 0) {
            warnAndClose("no complete handshake within the handshake timeout of "
                    + TimeUnit.NANOSECONDS.toMillis(endpoint.settings().handshakeTimeoutNs()) + " ms (got "
                    + bytes.position() + " of " + Handshake.BYTES + " bytes; " + TcpSettings.HANDSHAKE_TIMEOUT + ")");
            return true;
        }
        return false;
    }

    /** Closes the connection without a word: its endpoint or the transport is closing. */
    void discard() {
        endpoint.closeQuietly(channel);
    }

    private void refuse(String reason) {
        control.forget(this);
        warnAndClose(reason);
    }

    private void warnAndClose(String reason) {
        LOG.warn("Participant '{}' refused a connection from {}: {}", endpoint.name(), remote, reason);
        endpoint.closeQuietly(channel);
    }
}
