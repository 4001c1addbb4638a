package dev.multinode.transport.tcp;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM's share of the TCP transport. In the JVM that hosts the conductor it binds the
 * conductor's listener at once, so that {@link #childProperties()} can name it before any endpoint
 * is open; in a child it finds the conductor through {@value TcpSettings#CONDUCTOR}. It owns the
 * control thread, which serves all its endpoints.
 */
final class TcpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);

    private final TransportContext context;
    private final TcpSettings settings;
    private final byte[] digest;
    private final InetSocketAddress conductor;
    private final ControlLoop control;
    private final Map<Integer, TcpEndpoint> endpoints = new HashMap<>();
    private ServerSocketChannel conductorListener;
    private boolean closed;

    /**
     * @param context the run's parameters
     * @throws IOException if the conductor's listener cannot be bound or its address resolved
     * @throws IllegalArgumentException if a parameter or property is not acceptable
     */
    TcpTransport(TransportContext context) throws IOException {
        if (context.participants().isEmpty()) {
            throw new IllegalArgumentException("A run needs at least the conductor as participant");
        }
        if (context.maxFrameSize() < 0 || context.maxFrameSize() > FrameDecoder.MAX_PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("maxFrameSize " + context.maxFrameSize() + " is out of range 0.."
                    + FrameDecoder.MAX_PAYLOAD_LIMIT);
        }
        if (context.secret() == null || context.secret().isEmpty()) {
            throw new IllegalArgumentException("The TCP transport needs the run's secret; the context has none");
        }
        this.context = context;
        this.settings = TcpSettings.from(context.properties());
        this.digest = Handshake.digest(context.secret());
        if (settings.conductor() == null) {
            InetAddress bind = settings.bindAddress() != null ? settings.bindAddress() : InetAddress.getLoopbackAddress();
            conductorListener = TcpEndpoint.listen(bind, context.participants().size());
            conductor = advertised((InetSocketAddress) conductorListener.getLocalAddress());
        } else {
            conductor = settings.conductorAddress();
        }
        try {
            control = new ControlLoop("multinode-tcp-" + context.runId());
        } catch (IOException | RuntimeException e) {
            if (conductorListener != null) {
                conductorListener.close();
            }
            throw e;
        }
    }

    /** A wildcard listener is advertised under this host's name, which other JVMs can resolve. */
    private static InetSocketAddress advertised(InetSocketAddress local) {
        if (!local.getAddress().isAnyLocalAddress()) {
            return local;
        }
        try {
            return new InetSocketAddress(InetAddress.getLocalHost(), local.getPort());
        } catch (UnknownHostException e) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), local.getPort());
        }
    }

    /**
     * @throws IllegalArgumentException if the index is out of range, or is the conductor's in a JVM
     *     that does not host it
     * @throws IllegalStateException if the endpoint is already open or the transport closed
     */
    @Override
    public synchronized Endpoint endpoint(int participant) throws IOException {
        if (closed) {
            throw new IllegalStateException("The TCP transport of run " + context.runId() + " is closed");
        }
        if (participant < 0 || participant >= context.participants().size()) {
            throw new IllegalArgumentException("Participant index " + participant + " is out of range 0.."
                    + (context.participants().size() - 1) + " " + context.participants());
        }
        if (endpoints.containsKey(participant)) {
            throw new IllegalStateException("The endpoint of participant '" + context.participants().get(participant)
                    + "' is already open");
        }
        TcpEndpoint endpoint;
        if (participant == TransportContext.CONDUCTOR) {
            if (conductorListener == null) {
                throw new IllegalArgumentException("The conductor's endpoint lives in the JVM that hosts the conductor at "
                        + TcpSettings.format(conductor) + " (" + TcpSettings.CONDUCTOR + "), not in this one");
            }
            endpoint = TcpEndpoint.openConductor(this, conductorListener);
            conductorListener = null;
        } else {
            endpoint = TcpEndpoint.openNode(this, participant, conductor);
        }
        endpoints.put(participant, endpoint);
        return endpoint;
    }

    /** @return the conductor's address under {@value TcpSettings#CONDUCTOR} */
    @Override
    public Map<String, String> childProperties() {
        return Map.of(TcpSettings.CONDUCTOR, TcpSettings.format(conductor));
    }

    @Override
    public void close() {
        List<TcpEndpoint> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(endpoints.values());
        }
        for (TcpEndpoint endpoint : open) {
            endpoint.close();
        }
        if (conductorListener != null) {
            try {
                conductorListener.close();
            } catch (IOException e) {
                LOG.debug("Closing the unused conductor listener failed", e);
            }
        }
        control.close();
    }

    /**
     * Forgets a closed endpoint.
     *
     * @param endpoint the endpoint
     */
    synchronized void closed(TcpEndpoint endpoint) {
        endpoints.remove(endpoint.participant(), endpoint);
    }

    /** @return the run's parameters */
    TransportContext context() {
        return context;
    }

    /** @return the transport's settings */
    TcpSettings settings() {
        return settings;
    }

    /** @return the run's secret digest */
    byte[] digest() {
        return digest;
    }

    /** @return the control thread */
    ControlLoop control() {
        return control;
    }
}
