package dev.multinode.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts the connections reaching one endpoint's listener and starts their handshake clock. */
final class Acceptor implements ControlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);

    private final TcpEndpoint endpoint;
    private final ControlLoop control;
    private final ServerSocketChannel listener;

    /**
     * @param endpoint the endpoint
     * @param control  the control loop
     * @param listener the endpoint's listener, non-blocking
     */
    Acceptor(TcpEndpoint endpoint, ControlLoop control, ServerSocketChannel listener) {
        this.endpoint = endpoint;
        this.control = control;
        this.listener = listener;
    }

    @Override
    public void onReady(SelectionKey key) {
        SocketChannel channel;
        while ((channel = acceptOne()) != null) {
            InetSocketAddress remote = null;
            try {
                if (!endpoint.track(channel)) {
                    return;
                }
                remote = (InetSocketAddress) channel.getRemoteAddress();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                LOG.debug("Participant '{}' lost a connection from {} while accepting it", endpoint.name(), remote, e);
                endpoint.closeQuietly(channel);
                continue;
            }
            if (remote == null) {
                endpoint.closeQuietly(channel);
                continue;
            }
            control.watch(new PendingHandshake(endpoint, control, channel, remote,
                    System.nanoTime() + endpoint.settings().handshakeTimeoutNs()));
        }
    }

    private SocketChannel acceptOne() {
        try {
            return listener.accept();
        } catch (IOException e) {
            if (!endpoint.isClosed()) {
                LOG.warn("Participant '{}' could not accept a connection: {}", endpoint.name(), e.toString());
            }
            return null;
        }
    }
}
