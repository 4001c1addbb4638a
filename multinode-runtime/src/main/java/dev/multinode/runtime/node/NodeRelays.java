package dev.multinode.runtime.node;

import dev.multinode.runtime.relay.Flow;
import dev.multinode.runtime.relay.RelayHub;
import dev.multinode.runtime.relay.RelayOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;

/**
 * This node's fault relays: the {@link RelayHub} that moves their bytes, started on first use on the
 * node's bind address and closed with the node (a kill closes it as it closes the system's own
 * sockets), and the {@link RelayFaults} it obeys. Counters read zero while no hub ran, and keep
 * their last values once it closed, for the node's last report.
 */
final class NodeRelays implements AutoCloseable {

    private static final long[] NOTHING = new long[4];

    private final String role;
    private final int participants;
    private final RelayFaults faults;
    private final Logger log;
    private RelayHub hub;
    private boolean closed;

    /** @param log where the relays' notices go (a connection refused, a relay that failed) */
    NodeRelays(String role, int participants, RelayFaults faults, Logger log) {
        this.log = log;
        this.role = role;
        this.participants = participants;
        this.faults = faults;
        ProcessNodes.started();
    }

    /**
     * @param peer     the peer's participant index
     * @param endpoint the endpoint's name
     * @param target   the peer's endpoint itself
     * @param bind     where the relay listens
     * @return the address of this node's relay towards it
     */
    synchronized InetSocketAddress link(int peer, String endpoint, InetSocketAddress target, InetAddress bind) {
        return hub(bind).openLink(peer, endpoint, target);
    }

    /**
     * @param endpoint this node's endpoint's name
     * @param target   the endpoint itself
     * @param bind     where the relay listens
     * @param originOf which node opened an accepted connection, -1 if unknown
     * @return the address of this node's shared relay of the endpoint
     */
    synchronized InetSocketAddress shared(String endpoint, InetSocketAddress target, InetAddress bind,
                                          ToIntFunction<SocketChannel> originOf) {
        return hub(bind).openShared(endpoint, target, originOf);
    }

    /**
     * @param peer a participant
     * @return what the relays carried for the peer since they started: bytes to it, bytes from it,
     *     connections this node opened to it, connections it opened to this node
     */
    long[] totals(int peer) {
        RelayHub current;
        synchronized (this) {
            current = hub;
        }
        if (current == null) {
            return NOTHING;
        }
        return new long[] {current.bytes(peer, Flow.OUT), current.bytes(peer, Flow.IN),
                current.connections(peer, Flow.OUT), current.connections(peer, Flow.IN)};
    }

    /** @return whether a shared relay can tell this run's nodes apart: not while other nodes share this process */
    boolean canShare() {
        return !ProcessNodes.shared();
    }

    /** Closes every relay and its connections; later uses are refused. */
    @Override
    public void close() {
        RelayHub toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            toClose = hub;
            closed = true;
        }
        ProcessNodes.ended();
        if (toClose != null) {
            faults.detach();
            toClose.close();
        }
    }

    private RelayHub hub(InetAddress bind) {
        if (closed) {
            throw new IllegalStateException("The relays of " + role + " are closed: the node has stopped");
        }
        if (hub == null) {
            hub = new RelayHub(role, participants, bind, RelayOptions.defaults().withNotices(log::warn));
            faults.replayTo(hub);
        }
        return hub;
    }
}
