package dev.multinode.testkit;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.SpecBuilder;
import dev.multinode.spi.TransportProvider;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A transport and a launch mode to run specs in. The modes of a transport are the launch modes it
 * supports except external, which needs nodes started by hand.
 *
 * @param transport the transport's name
 * @param launch    the launch mode
 */
public record Mode(String transport, LaunchMode launch) {

    /** @return every mode of every transport on the class or module path */
    public static Stream<Mode> all() {
        return installedTransports().keySet().stream().flatMap(Mode::of);
    }

    /**
     * @param transport a transport's name
     * @return its modes, thread before process
     * @throws IllegalArgumentException if no transport of that name is on the class or module path
     */
    public static Stream<Mode> of(String transport) {
        return provider(transport).launchModes().stream()
                .filter(launch -> launch != LaunchMode.EXTERNAL)
                .sorted()
                .map(launch -> new Mode(transport, launch));
    }

    /** @return the transports that {@link ServiceLoader} finds, by name */
    public static Map<String, TransportProvider> installedTransports() {
        Map<String, TransportProvider> providers = new TreeMap<>();
        ServiceLoader.load(TransportProvider.class).forEach(provider -> providers.put(provider.name(), provider));
        return providers;
    }

    /**
     * @return this mode's transport
     * @throws IllegalArgumentException if it is not on the class or module path
     */
    public TransportProvider provider() {
        return provider(transport);
    }

    /**
     * @param roles the roles
     * @return a spec in this mode
     */
    public SpecBuilder spec(String... roles) {
        return MultiNode.spec(roles).transport(transport).launch(launch);
    }

    private static TransportProvider provider(String transport) {
        Map<String, TransportProvider> installed = installedTransports();
        TransportProvider provider = installed.get(transport);
        if (provider == null) {
            throw new IllegalArgumentException("Unknown transport '" + transport
                    + "': the transports on the class path are " + installed.keySet());
        }
        return provider;
    }

    @Override
    public String toString() {
        return transport + "/" + launch.name().toLowerCase(Locale.ROOT);
    }
}
