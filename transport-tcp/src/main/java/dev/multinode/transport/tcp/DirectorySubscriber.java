package dev.multinode.transport.tcp;

import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The conductor's side of one node's directory stream: the reverse direction of the connection the
 * node opened to the conductor. Bytes the socket does not take at once wait here and go out when
 * it becomes writable, so the control thread never blocks on a slow node.
 */
final class DirectorySubscriber implements ControlHandler {

    private static final int FRAME_BYTES = FrameDecoder.HEADER_BYTES + DirectoryEntry.MAX_PAYLOAD;

    private final DirectoryPublisher publisher;
    private final int node;
    private final SocketChannel channel;
    private final SelectionKey key;
    private ByteBuffer pending = ByteBuffer.allocate(Handshake.BYTES + 8 * FRAME_BYTES);

    /**
     * @param publisher the conductor's publisher
     * @param node      the node's participant index
     * @param channel   the node's connection to the conductor
     * @param key       the connection's key with the control selector
     */
    DirectorySubscriber(DirectoryPublisher publisher, int node, SocketChannel channel, SelectionKey key) {
        this.publisher = publisher;
        this.node = node;
        this.channel = channel;
        this.key = key;
    }

    /** @return the node's participant index */
    int node() {
        return node;
    }

    /**
     * Queues the conductor's handshake, which proves to the node that it talks to the conductor.
     *
     * @param digest the run's secret digest
     * @param port   the conductor's listening port
     */
    void enqueueHandshake(byte[] digest, int port) {
        room(Handshake.BYTES);
        Handshake.write(pending, digest, TransportContext.CONDUCTOR, node, port);
    }

    /** @param entry an address to tell the node */
    void enqueue(DirectoryEntry entry) {
        room(FRAME_BYTES);
        entry.write(pending);
    }

    /** Sends what the socket takes now and watches for writability if something is left. */
    void flush() {
        try {
            pending.flip();
            channel.write(pending);
            pending.compact();
            key.interestOps(pending.position() > 0 ? SelectionKey.OP_WRITE : 0);
        } catch (IOException | CancelledKeyException e) {
            publisher.drop(this, e);
        }
    }

    @Override
    public void onReady(SelectionKey readyKey) {
        flush();
    }

    private void room(int bytes) {
        if (pending.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * pending.capacity(), pending.position() + bytes));
            pending.flip();
            larger.put(pending);
            pending = larger;
        }
    }
}
