package dev.multinode.testkit;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.SpecBuilder;
import dev.multinode.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A transport and a launch mode to run specs in, written {@code transport/launch}, e.g.
 * {@code inproc/thread}, {@code tcp/process}. The modes of a transport are the launch modes it
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

    /**
     * Parses a comma-separated list of {@code transport[/launch]} entries. An entry without a launch
     * takes {@code defaultLaunch} if given, else its transport's own default.
     *
     * @param list          e.g. {@code inproc,chronicle/thread,tcp}
     * @param defaultLaunch a launch mode name, or null
     * @return the modes, in the order given
     * @throws IllegalArgumentException naming the bad entry and what is accepted
     */
    public static List<Mode> parseAll(String list, String defaultLaunch) {
        Map<String, TransportProvider> providers = installedTransports();
        List<Mode> modes = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                modes.add(parse(entry.trim(), defaultLaunch, providers));
            }
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("No transport given in '" + list + "': expected a comma-separated list"
                    + " of transport[/launch], transports " + providers.keySet());
        }
        return modes;
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

    private static Mode parse(String entry, String defaultLaunch, Map<String, TransportProvider> providers) {
        int slash = entry.indexOf('/');
        String transport = slash < 0 ? entry : entry.substring(0, slash);
        TransportProvider provider = providers.get(transport);
        if (provider == null) {
            throw new IllegalArgumentException("Unknown transport '" + transport + "' in '" + entry
                    + "': the transports on the class path are " + providers.keySet());
        }
        String launchName = slash >= 0 ? entry.substring(slash + 1) : defaultLaunch;
        LaunchMode launch = launchName == null ? provider.defaultLaunchMode() : launch(launchName, entry);
        if (launch == LaunchMode.EXTERNAL || !provider.launchModes().contains(launch)) {
            throw new IllegalArgumentException("Launch mode '" + launchName + "' in '" + entry + "' cannot run here: "
                    + transport + " runs nodes as " + of(transport).map(Mode::launchName).toList());
        }
        return new Mode(transport, launch);
    }

    private static LaunchMode launch(String name, String entry) {
        try {
            return LaunchMode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown launch mode '" + name + "' in '" + entry
                    + "': expected thread or process", e);
        }
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

    private String launchName() {
        return launch.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return transport + "/" + launchName();
    }
}
