package dev.multinode.transport.tcp;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one authenticated connection, read only by the endpoint's polling thread.
 * Bytes go into a direct buffer that holds at least one whole frame; frames are handed to the
 * receiver as a view on that buffer, so nothing is allocated per frame. The buffer starts small
 * and grows, up to the frame size limit, only when an authenticated sender announces a larger
 * frame whose length has been checked.
 */
final class InboundLink implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(InboundLink.class);

    private final TcpEndpoint endpoint;
    private final int from;
    private final SocketChannel channel;
    private final String remote;
    private final FrameDecoder decoder;
    private final int maxCapacity;
    private ByteBuffer buffer;
    private ByteBuffer view;
    private FrameReceiver receiver;
    private int delivered;
    private boolean endOfStream;
    private boolean closed;
    /** While not null: the sender's handshake, which must come before its frames. */
    private ByteBuffer awaitedHandshake;

    /**
     * @param endpoint        the receiving endpoint
     * @param from            the sender's participant index, proven by the handshake
     * @param channel         the connection, non-blocking
     * @param remote          its remote address, for the logs
     * @param initialCapacity the buffer's first size
     * @param maxFrameSize    the largest payload
     * @param handshakeFirst  whether the sender's handshake is still to be read (on a connection this
     *                        endpoint opened, whose other end answers with one before its frames)
     */
    InboundLink(TcpEndpoint endpoint, int from, SocketChannel channel, String remote, int initialCapacity,
                int maxFrameSize, boolean handshakeFirst) {
        this.endpoint = endpoint;
        this.from = from;
        this.channel = channel;
        this.remote = remote;
        this.decoder = new FrameDecoder(maxFrameSize, Endpoint.MIN_TYPE, Endpoint.MAX_TYPE);
        this.maxCapacity = FrameDecoder.HEADER_BYTES + maxFrameSize;
        this.buffer = ByteBuffer.allocateDirect(Math.min(initialCapacity, maxCapacity)).flip();
        this.view = buffer.duplicate();
        this.awaitedHandshake = handshakeFirst ? ByteBuffer.allocate(Handshake.BYTES) : null;
    }

    /**
     * @param selector the endpoint's selector
     * @throws ClosedChannelException if the connection closed meanwhile
     */
    void register(Selector selector) throws ClosedChannelException {
        channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** @return the connection, for closing */
    SocketChannel channel() {
        return channel;
    }

    /** @return whether the connection is closed and may be forgotten */
    boolean isClosed() {
        return closed;
    }

    /** @return whether bytes wait in the buffer, perhaps a whole frame left over by a poll's limit */
    boolean hasBufferedBytes() {
        return buffer.remaining() >= FrameDecoder.HEADER_BYTES || endOfStream;
    }

    /**
     * @return whether a poll would deliver something without reading the socket: a whole frame waits
     *     in the buffer (left over by a poll's limit), or the stream ended; a bad length prefix counts,
     *     since the poll reports it
     */
    boolean hasWholeFrame() {
        if (endOfStream) {
            return true;
        }
        try {
            int pending = decoder.pendingFrameBytes(buffer);
            return pending > 0 && buffer.remaining() >= pending;
        } catch (FrameRejectedException e) {
            return true;
        }
    }

    /**
     * Delivers frames already in the buffer, without reading.
     *
     * @param target gets the frames
     * @param limit  the most frames to deliver
     * @return how many were delivered
     */
    int deliverBuffered(FrameReceiver target, int limit) {
        delivered = 0;
        receiver = target;
        try {
            decode(limit);
        } finally {
            receiver = null;
        }
        return delivered;
    }

    /**
     * Reads what the socket holds (once) and delivers the complete frames.
     *
     * @param target gets the frames
     * @param limit  the most frames to deliver
     * @return how many were delivered
     */
    int readAndDeliver(FrameReceiver target, int limit) {
        delivered = 0;
        receiver = target;
        try {
            if (awaitedHandshake != null && !readHandshake()) {
                return delivered;
            }
            if (!endOfStream && !closed) {
                read();
            }
            decode(limit);
        } catch (FrameRejectedException | HandshakeRejectedException e) {
            reject(e);
        } catch (IOException e) {
            if (!endpoint.isClosed()) {
                LOG.debug("Participant '{}' lost its connection from '{}' ({}): {}", endpoint.name(), endpoint.name(from),
                        remote, e.toString());
            }
            close();
        } finally {
            receiver = null;
        }
        return delivered;
    }

    @Override
    public void onFrame(int type, ByteBuffer payload) {
        delivered++;
        receiver.onFrame(from, type, payload);
    }

    /**
     * Reads the awaited handshake, never a byte beyond it, and checks that it comes from the node this
     * connection was opened to and knows the run's secret.
     *
     * @return whether it is complete and good, so frames may follow
     */
    private boolean readHandshake() throws IOException, HandshakeRejectedException {
        if (closed) {
            return false;
        }
        if (channel.read(awaitedHandshake) < 0) {
            LOG.debug("Participant '{}': '{}' ({}) closed the connection without sending on it", endpoint.name(),
                    endpoint.name(from), remote);
            close();
            return false;
        }
        if (awaitedHandshake.position() >= Integer.BYTES) {
            Handshake.checkMagic(awaitedHandshake.getInt(0));
        }
        if (awaitedHandshake.hasRemaining()) {
            return false;
        }
        Handshake handshake = Handshake.read(awaitedHandshake.flip(), endpoint.digest(), endpoint.participant(),
                endpoint.participants());
        if (handshake.sender() != from) {
            throw new HandshakeRejectedException("answered as participant " + handshake.sender() + " on the connection"
                    + " to participant " + from);
        }
        awaitedHandshake = null;
        return true;
    }

    private void read() throws IOException {
        int needed = decoder.pendingFrameBytes(buffer);
        if (needed > buffer.capacity()) {
            ByteBuffer larger = ByteBuffer.allocateDirect(Math.min(maxCapacity, Math.max(needed, 2 * buffer.capacity())));
            larger.put(buffer).flip();
            buffer = larger;
            view = larger.duplicate();
        }
        buffer.compact();
        int read;
        try {
            read = channel.read(buffer);
        } finally {
            buffer.flip();
        }
        if (read < 0) {
            endOfStream = true;
        }
    }

    private void decode(int limit) {
        if (closed) {
            return;
        }
        try {
            decoder.decode(buffer, view, this, limit);
        } catch (FrameRejectedException e) {
            reject(e);
            return;
        }
        if (endOfStream && delivered < limit) {
            if (buffer.hasRemaining()) {
                LOG.debug("Participant '{}': '{}' ({}) closed its connection in the middle of a frame; {} bytes dropped",
                        endpoint.name(), endpoint.name(from), remote, buffer.remaining());
            }
            close();
        }
    }

    private void reject(Exception e) {
        LOG.warn("Participant '{}' closed the connection from '{}' ({}): {}", endpoint.name(), endpoint.name(from), remote,
                e.getMessage());
        close();
    }

    private void close() {
        closed = true;
        endpoint.closeQuietly(channel);
    }
}
