package dev.multinode.transport.inproc;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Provides the {@code inproc} transport: nodes are threads of the calling JVM that exchange frames
 * through Agrona ring buffers. Found by {@link java.util.ServiceLoader}.
 */
public final class InProcTransportProvider implements TransportProvider {

    /** The name users select this transport by. */
    public static final String NAME = "inproc";

    /** Agrona reaches {@code jdk.internal.misc.Unsafe}, which Java 17 exports only on request. */
    private static final List<String> JVM_FLAGS =
            List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED,org.agrona");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LaunchMode> launchModes() {
        return Set.of(LaunchMode.THREAD);
    }

    @Override
    public LaunchMode defaultLaunchMode() {
        return LaunchMode.THREAD;
    }

    @Override
    public List<String> jvmFlags() {
        return JVM_FLAGS;
    }

    /**
     * Opens one transport serving every participant of this JVM.
     *
     * @param context the run's parameters; its launch mode must be {@link LaunchMode#THREAD}
     * @return the transport
     * @throws IllegalArgumentException if the launch mode, the participants, the frame size or the
     *     {@value InProcTransport#SEND_TIMEOUT_PROPERTY} property is not acceptable
     */
    @Override
    public Transport open(TransportContext context) {
        if (context.launchMode() != LaunchMode.THREAD) {
            throw new IllegalArgumentException("Transport '" + NAME + "' supports the launch mode thread only, not "
                    + context.launchMode().name().toLowerCase(Locale.ROOT));
        }
        return new InProcTransport(context);
    }
}
