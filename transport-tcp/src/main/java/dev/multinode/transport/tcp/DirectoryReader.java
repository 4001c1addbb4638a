package dev.multinode.transport.tcp;

import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of its directory stream: it reads, on the reverse direction of the node's own
 * connection to the conductor, first the conductor's handshake (the conductor proves it knows the
 * secret), then address entries, which go into the node's address book. Runs on the control thread.
 */
final class DirectoryReader implements ControlHandler, FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);

    private final TcpEndpoint node;
    private final SocketChannel channel;
    private final String remote;
    private final AddressBook book;
    private final ByteBuffer handshake = ByteBuffer.allocate(Handshake.BYTES);
    private final ByteBuffer frames = ByteBuffer.allocate(16 * (FrameDecoder.HEADER_BYTES + DirectoryEntry.MAX_PAYLOAD));
    private final ByteBuffer view = frames.duplicate();
    private final FrameDecoder decoder = new FrameDecoder(DirectoryEntry.MAX_PAYLOAD, DirectoryEntry.TYPE, DirectoryEntry.TYPE);

    /**
     * @param node    the node's endpoint
     * @param channel the node's connection to the conductor
     * @param remote  the conductor's address, for the logs
     * @param book    the node's address book
     */
    DirectoryReader(TcpEndpoint node, SocketChannel channel, String remote, AddressBook book) {
        this.node = node;
        this.channel = channel;
        this.remote = remote;
        this.book = book;
        frames.flip();
    }

    @Override
    public void onReady(SelectionKey key) {
        try {
            if (handshake.hasRemaining()) {
                readHandshake(key);
            } else {
                readEntries(key);
            }
        } catch (HandshakeRejectedException | FrameRejectedException e) {
            LOG.warn("Participant '{}' refused the directory sent by {}: {}", node.name(), remote, e.getMessage());
            node.closeQuietly(channel);
        } catch (IOException e) {
            stop(key, e.toString());
        }
    }

    private void readHandshake(SelectionKey key) throws IOException, HandshakeRejectedException {
        if (channel.read(handshake) < 0) {
            stop(key, "the conductor closed the connection");
        } else if (!handshake.hasRemaining()) {
            handshake.flip();
            Handshake peer = Handshake.read(handshake, node.digest(), node.participant(), node.participants());
            if (peer.sender() != TransportContext.CONDUCTOR) {
                throw new HandshakeRejectedException("directory sent by participant " + peer.sender()
                        + " instead of the conductor");
            }
        }
    }

    private void readEntries(SelectionKey key) throws IOException {
        frames.compact();
        int read;
        try {
            read = channel.read(frames);
        } finally {
            frames.flip();
        }
        decoder.decode(frames, view, this, Integer.MAX_VALUE);
        if (read < 0) {
            stop(key, "the conductor closed the connection");
        }
    }

    @Override
    public void onFrame(int type, ByteBuffer payload) throws FrameRejectedException {
        DirectoryEntry entry = DirectoryEntry.read(payload, node.participants());
        // The node knows its own listener better than the conductor, which sees it from outside.
        if (entry.participant() != node.participant() && book.put(entry.participant(), entry.address())) {
            LOG.debug("Participant '{}' learnt that '{}' listens at {}", node.name(), node.name(entry.participant()),
                    entry.address());
        }
    }

    private void stop(SelectionKey key, String why) {
        key.cancel();
        if (!node.isClosed()) {
            LOG.debug("Participant '{}' no longer receives addresses from the conductor: {}", node.name(), why);
        }
    }
}
