package dev.multinode.runtime.settings;

import dev.multinode.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports {@link ServiceLoader} finds, by name. As SLF4J treats its providers, a provider
 * that cannot be loaded is reported and skipped, so one broken jar does not stop runs of the other
 * transports; two providers of one name are an error only when that name is chosen, and
 * {@value #PROVIDER} picks one of them.
 */
public final class TransportCatalog {

    /** Property naming the provider class (or several, separated by commas) to use for its transport name. */
    public static final String PROVIDER = "multinode.transportProvider";

    private static final Logger LOG = LoggerFactory.getLogger(TransportCatalog.class);
    /** Every run loads the catalog again; a broken provider on the class path is worth one warning a JVM. */
    private static final Consumer<String> WARN_ONCE = once(LOG::warn);

    /** Providers by name, each name's in the order ServiceLoader found them. */
    private final Map<String, List<TransportProvider>> byName = new TreeMap<>();
    private final String chosen;

    private TransportCatalog(String chosen) {
        this.chosen = chosen == null ? "" : chosen.trim();
    }

    /**
     * @return the transports visible to the runtime's class loader and module layer, with the
     *         choice of the {@value #PROVIDER} system property
     */
    public static TransportCatalog load() {
        return load(System.getProperty(PROVIDER));
    }

    /**
     * @param chosenProviders the value of {@value #PROVIDER}: provider class names separated by
     *                        commas, or null or blank for none (a node JVM gets its parent's choice)
     * @return the transports visible to the runtime's class loader and module layer
     */
    public static TransportCatalog load(String chosenProviders) {
        return load(TransportCatalog.class.getClassLoader(), chosenProviders, WARN_ONCE);
    }

    /**
     * @param loader          where ServiceLoader looks
     * @param chosenProviders the value of {@value #PROVIDER}, or null
     * @param warnings        receives one line per provider that cannot be loaded
     * @return the providers that could be loaded
     */
    static TransportCatalog load(ClassLoader loader, String chosenProviders, Consumer<String> warnings) {
        TransportCatalog catalog = new TransportCatalog(chosenProviders);
        Iterator<TransportProvider> providers = ServiceLoader.load(TransportProvider.class, loader).iterator();
        // after an error ServiceLoader's iterator goes on with the next provider; one that fails
        // the same way twice is not advancing (it cannot read the service files), so stop there
        Set<String> failures = new HashSet<>();
        while (true) {
            TransportProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // ServiceLoader names the provider class in its errors; a class it could not link
                // (a missing superclass) comes raw, with the missing class's name only
                String warning = "Skipping a transport provider that cannot be loaded: "
                        + (e instanceof ServiceConfigurationError ? e.getMessage() : e.toString())
                        + (e.getCause() == null ? "" : ": " + e.getCause());
                if (!failures.add(warning)) {
                    break;
                }
                warnings.accept(warning);
                continue;
            }
            String name;
            try {
                name = provider.name();
            } catch (RuntimeException | LinkageError e) {
                warnings.accept("Skipping transport provider " + provider.getClass().getName() + ": its name() threw " + e);
                continue;
            }
            if (name == null || name.isBlank()) {
                warnings.accept("Skipping transport provider " + provider.getClass().getName() + ": its name() returned "
                        + (name == null ? "null" : "'" + name + "'"));
                continue;
            }
            catalog.byName.computeIfAbsent(name, key -> new ArrayList<>()).add(provider);
        }
        return catalog;
    }

    /**
     * @param name a transport name
     * @return its provider: the only one of that name, or the one {@value #PROVIDER} chose
     * @throws IllegalArgumentException listing the transports found when there is none of that
     *                                  name; naming the providers when there are several of that
     *                                  name and none was chosen; naming the value and the
     *                                  providers found when {@value #PROVIDER} names a class that
     *                                  is not one of them
     */
    public TransportProvider get(String name) {
        Map<String, TransportProvider> choices = choices();
        List<TransportProvider> providers = byName.get(name);
        if (providers == null) {
            throw new IllegalArgumentException("Unknown transport '" + name + "' (" + RunSettings.TRANSPORT + "): found "
                    + (byName.isEmpty() ? "none — add a transport module such as dev.multinode:transport-inproc"
                    : String.join(", ", byName.keySet())));
        }
        if (choices.containsKey(name)) {
            return choices.get(name);
        }
        if (providers.size() > 1) {
            throw new IllegalArgumentException("Transport '" + name + "' (" + RunSettings.TRANSPORT + ") has "
                    + providers.size() + " providers on the class path: " + String.join(", ", classNames(providers))
                    + "; pick one with -D" + PROVIDER + "=<one of these classes>, or remove the others");
        }
        return providers.get(0);
    }

    /** @return the providers {@value #PROVIDER} chose, by transport name */
    private Map<String, TransportProvider> choices() {
        Map<String, TransportProvider> choices = new LinkedHashMap<>();
        if (chosen.isEmpty()) {
            return choices;
        }
        for (String className : Arrays.stream(chosen.split(",")).map(String::trim).toList()) {
            Map.Entry<String, TransportProvider> found = byName.entrySet().stream()
                    .flatMap(entry -> entry.getValue().stream().map(provider -> Map.entry(entry.getKey(), provider)))
                    .filter(entry -> entry.getValue().getClass().getName().equals(className))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Invalid " + PROVIDER + " '" + chosen + "': "
                            + (className.isEmpty() ? "it holds an empty class name"
                            : "no transport provider of class " + className + " was found")
                            + "; accepted are the classes of the providers found, separated by commas: "
                            + describeAll()));
            TransportProvider other = choices.putIfAbsent(found.getKey(), found.getValue());
            if (other != null && other != found.getValue()) {
                throw new IllegalArgumentException("Invalid " + PROVIDER + " '" + chosen + "': it chooses both "
                        + other.getClass().getName() + " and " + className + " for transport '" + found.getKey()
                        + "'; choose one provider per transport");
            }
        }
        return choices;
    }

    private String describeAll() {
        if (byName.isEmpty()) {
            return "none found";
        }
        List<String> all = new ArrayList<>();
        byName.forEach((name, providers) -> classNames(providers).forEach(className -> all.add(className + " (" + name + ")")));
        return String.join(", ", all);
    }

    private static List<String> classNames(List<TransportProvider> providers) {
        return providers.stream().map(provider -> provider.getClass().getName()).toList();
    }

    /**
     * @param sink where warnings go
     * @return a sink that passes on each distinct warning once
     */
    static Consumer<String> once(Consumer<String> sink) {
        Set<String> passed = ConcurrentHashMap.newKeySet();
        return warning -> {
            if (passed.add(warning)) {
                sink.accept(warning);
            }
        };
    }
}
