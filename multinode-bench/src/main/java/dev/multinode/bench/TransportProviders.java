package dev.multinode.bench;

import dev.multinode.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The transports on the class or module path, by name, as the harness finds them. */
final class TransportProviders {

    private TransportProviders() {
    }

    /**
     * @param transport a transport's name
     * @return its provider
     * @throws IllegalStateException if no provider of that name is on the class or module path
     */
    static TransportProvider find(String transport) {
        List<String> found = new ArrayList<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class)) {
            if (provider.name().equals(transport)) {
                return provider;
            }
            found.add(provider.name());
        }
        throw new IllegalStateException("No transport named '" + transport + "' found by ServiceLoader; found "
                + found);
    }
}
