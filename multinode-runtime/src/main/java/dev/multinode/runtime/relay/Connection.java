package dev.multinode.runtime.relay;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One relayed connection: the accepted client, the connection to the target, and a {@link Pipe}
 * each way. It first waits for its target's connect, bounded; then it pumps whichever pipe a ready
 * key concerns. Once both pipes finished (each side's end of stream passed on) both sockets close;
 * an error on either side resets both. Only the relay thread uses it.
 */
final class Connection {

    /** Which relay accepted it, which says whom it belongs to for a disconnect. */
    enum Kind {
        /** This node's system opened it towards the peer, through a link relay. */
        OUTGOING,
        /** The peer opened it to this node's endpoint, through a shared relay. */
        INCOMING
    }

    private final Kind kind;
    private final int peer;
    private final SocketChannel client;
    private final SocketChannel target;
    private final Pipe up;
    private final Pipe down;
    private final long connectDeadline;
    private SelectionKey clientKey;
    private SelectionKey targetKey;
    private boolean connected;
    private boolean closed;

    /**
     * @param upFlow          the flow of bytes from the client to the target; the other way is the other
     * @param connectDeadline the clock reading by which the target must have accepted
     */
    Connection(Kind kind, int peer, SocketChannel client, SocketChannel target, Flow upFlow, FlowFaults[] faultsOfPeer,
               RelayCounters counters, ChunkPool pool, long connectDeadline) {
        this.kind = kind;
        this.peer = peer;
        this.client = client;
        this.target = target;
        Flow downFlow = upFlow == Flow.OUT ? Flow.IN : Flow.OUT;
        this.up = new Pipe(client, target, peer, upFlow, faultsOfPeer[upFlow.ordinal()], counters, pool);
        this.down = new Pipe(target, client, peer, downFlow, faultsOfPeer[downFlow.ordinal()], counters, pool);
        this.connectDeadline = connectDeadline;
    }

    Kind kind() {
        return kind;
    }

    int peer() {
        return peer;
    }

    boolean closed() {
        return closed;
    }

    /** Registers both channels; nothing is read from the client until the target accepted. */
    void register(Selector selector, boolean targetConnected) throws IOException {
        clientKey = client.register(selector, 0, this);
        targetKey = target.register(selector, 0, this);
        if (targetConnected) {
            connected = true;
            updateInterest();
        } else {
            targetKey.interestOps(SelectionKey.OP_CONNECT);
        }
    }

    /** Handles a ready key of this connection. */
    void onReady(SelectionKey key, long now) {
        if (closed) {
            // reset by its other key's event of the same select
            return;
        }
        try {
            if (!connected) {
                if (key == targetKey && key.isConnectable() && target.finishConnect()) {
                    connected = true;
                    updateInterest();
                }
                return;
            }
            boolean fromClient = key == clientKey;
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_READ) != 0) {
                (fromClient ? up : down).pump(now);
            }
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                (fromClient ? down : up).pump(now);
            }
            afterPump();
        } catch (IOException | RuntimeException e) {
            // a refused connect, a reset, a broken pipe: the other side learns it as a reset too
            reset();
        }
    }

    /**
     * Pumps both pipes for a reason other than a ready key: a fault changed, or a wait for time ended.
     * A connection whose target has not accepted by the deadline is reset.
     */
    void poke(long now) {
        if (closed) {
            return;
        }
        if (!connected) {
            if (now - connectDeadline >= 0) {
                reset();
            }
            return;
        }
        try {
            up.pump(now);
            down.pump(now);
            afterPump();
        } catch (IOException | RuntimeException e) {
            reset();
        }
    }

    /** @return the earliest clock reading a pipe or the connect waits for, or {@link Pipe#NOT_WAITING} */
    long waitingUntil() {
        if (closed) {
            return Pipe.NOT_WAITING;
        }
        return connected ? Math.min(up.waitingUntil(), down.waitingUntil()) : connectDeadline;
    }

    /** Closes both sides at once with a reset (SO_LINGER 0), so no peer sees an orderly end. */
    void reset() {
        if (closed) {
            return;
        }
        lingerZero(client);
        lingerZero(target);
        close();
    }

    private void afterPump() throws IOException {
        if (up.finished() && down.finished()) {
            close();
        } else {
            updateInterest();
        }
    }

    private void updateInterest() {
        setInterest(clientKey, (up.wantsRead() ? SelectionKey.OP_READ : 0) | (down.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        setInterest(targetKey, (down.wantsRead() ? SelectionKey.OP_READ : 0) | (up.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    }

    /** An unchanged interest is not set again: each change is a system call. */
    private static void setInterest(SelectionKey key, int ops) {
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private void close() {
        closed = true;
        up.release();
        down.release();
        closeQuietly(client);
        closeQuietly(target);
    }

    static void lingerZero(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            // already closed or never connected: closing it is all that is left
        }
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is best effort: the kernel frees the socket either way
        }
    }
}
