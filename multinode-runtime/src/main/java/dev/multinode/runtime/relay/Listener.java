package dev.multinode.runtime.relay;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.ToIntFunction;

/**
 * One listening relay socket and what its accepted connections become: whom they belong to, where
 * they are connected, and which way the bytes from the client flow. A link relay's connections all
 * go to one peer; a shared relay asks for each connection's origin. The target may change (a peer
 * restarted on a new port); only the relay thread reads it or changes it.
 */
final class Listener {

    /** What {@code originOf} returns for a connection from nobody known. */
    static final int UNKNOWN_ORIGIN = -1;

    private final ServerSocketChannel server;
    private final Connection.Kind kind;
    private final ToIntFunction<SocketChannel> originOf;
    private final String name;
    private InetSocketAddress target;

    Listener(ServerSocketChannel server, Connection.Kind kind, ToIntFunction<SocketChannel> originOf, String name,
             InetSocketAddress target) {
        this.server = server;
        this.kind = kind;
        this.originOf = originOf;
        this.name = name;
        this.target = target;
    }

    ServerSocketChannel server() {
        return server;
    }

    Connection.Kind kind() {
        return kind;
    }

    /** @return the peer the connection belongs to, or {@link #UNKNOWN_ORIGIN} */
    int originOf(SocketChannel accepted) {
        return originOf.applyAsInt(accepted);
    }

    /** The flow of the bytes the client sends: towards the peer on a link, from it on a shared relay. */
    Flow clientFlow() {
        return kind == Connection.Kind.OUTGOING ? Flow.OUT : Flow.IN;
    }

    InetSocketAddress target() {
        return target;
    }

    void retarget(InetSocketAddress newTarget) {
        target = newTarget;
    }

    /** @return what the relay is called in a notice, e.g. {@code link to 2 "zk"} */
    String name() {
        return name;
    }
}
