package dev.multinode.runtime.settings;

import dev.multinode.spi.TransportProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The transports {@link ServiceLoader} finds, by name. */
public final class TransportCatalog {

    private final Map<String, TransportProvider> byName = new TreeMap<>();

    private TransportCatalog() {
    }

    /** @return the transports visible to the runtime's class loader and module layer */
    public static TransportCatalog load() {
        TransportCatalog catalog = new TransportCatalog();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, TransportCatalog.class.getClassLoader())) {
            catalog.byName.putIfAbsent(provider.name(), provider);
        }
        return catalog;
    }

    /**
     * @param name a transport name
     * @return its provider
     * @throws IllegalArgumentException listing the transports found when there is none of that name
     */
    public TransportProvider get(String name) {
        TransportProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("Unknown transport '" + name + "' (multinode.transport): found "
                    + (byName.isEmpty() ? "none — add a transport module such as dev.multinode:transport-inproc"
                    : String.join(", ", byName.keySet())));
        }
        return provider;
    }
}
