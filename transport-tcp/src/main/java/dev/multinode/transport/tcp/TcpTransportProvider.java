package dev.multinode.transport.tcp;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Provides the {@code tcp} transport: length-prefixed frames over TCP, loopback by default, a
 * per-run secret in every handshake. Found by {@link java.util.ServiceLoader}.
 */
public final class TcpTransportProvider implements TransportProvider {

    /** The name users select this transport by. */
    public static final String NAME = "tcp";

    /**
     * The runtime, which every JVM of a run loads next to this transport, uses Agrona. Node JVMs
     * run everything on the class path, where Agrona is part of the unnamed module: naming the
     * {@code org.agrona} module there would only print a warning into every node's log.
     */
    private static final List<String> JVM_FLAGS = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LaunchMode> launchModes() {
        return Set.of(LaunchMode.PROCESS, LaunchMode.THREAD, LaunchMode.EXTERNAL);
    }

    @Override
    public LaunchMode defaultLaunchMode() {
        return LaunchMode.PROCESS;
    }

    @Override
    public List<String> jvmFlags() {
        return JVM_FLAGS;
    }

    /**
     * @throws IllegalArgumentException if the participants, the frame size, the secret or a
     *     {@code multinode.tcp.*} property is not acceptable
     */
    @Override
    public Transport open(TransportContext context) throws IOException {
        return new TcpTransport(context);
    }
}
