package dev.multinode.spi;

import dev.multinode.LaunchMode;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A transport implementation, found with {@link java.util.ServiceLoader} and chosen by
 * {@code multinode.transport}. Declare it both with {@code provides} in module-info and in
 * {@code META-INF/services/dev.multinode.spi.TransportProvider}.
 */
public interface TransportProvider {

    /** @return the name users select it by, lower case, for example {@code inproc} */
    String name();

    /** @return the launch modes this transport can connect */
    Set<LaunchMode> launchModes();

    /** @return the launch mode used when the spec does not choose one */
    LaunchMode defaultLaunchMode();

    /** @return JVM flags every JVM that loads this transport needs (add-exports, system properties) */
    List<String> jvmFlags();

    /**
     * Opens this JVM's share of the transport for a run. In thread mode one instance serves every
     * participant; in process mode each JVM opens its own, the children with the properties the
     * parent's instance {@linkplain Transport#childProperties() handed down}.
     *
     * @param context the run's parameters
     * @return the transport
     * @throws IOException if it cannot be opened
     */
    Transport open(TransportContext context) throws IOException;
}
