package dev.multinode.examples.specs;

import dev.multinode.LaunchMode;
import dev.multinode.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A transport and launch mode to run the example specs in, written {@code transport[/launch]}, e.g.
 * {@code inproc}, {@code chronicle/thread}, {@code tcp/process}.
 *
 * @param transport the transport's name
 * @param launch    how the nodes start
 */
record SpecMode(String transport, LaunchMode launch) {

    /**
     * Parses a comma-separated list of modes. A mode without a launch takes {@code defaultLaunch}
     * if given, else its transport's own default.
     *
     * @param list          e.g. {@code inproc,chronicle/thread,tcp}
     * @param defaultLaunch a launch mode name, or null
     * @param providers     the transports available, by name
     * @return the modes, in the order given
     * @throws IllegalArgumentException naming the bad entry and what is accepted
     */
    static List<SpecMode> parseAll(String list, String defaultLaunch, Map<String, TransportProvider> providers) {
        List<SpecMode> modes = new ArrayList<>();
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

    /** @return the transports on the class path, by name */
    static Map<String, TransportProvider> installedTransports() {
        Map<String, TransportProvider> providers = new TreeMap<>();
        ServiceLoader.load(TransportProvider.class).forEach(provider -> providers.put(provider.name(), provider));
        return providers;
    }

    private static SpecMode parse(String entry, String defaultLaunch, Map<String, TransportProvider> providers) {
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
                    + transport + " runs nodes as " + accepted(provider));
        }
        return new SpecMode(transport, launch);
    }

    private static LaunchMode launch(String name, String entry) {
        try {
            return LaunchMode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown launch mode '" + name + "' in '" + entry
                    + "': expected thread or process", e);
        }
    }

    private static List<String> accepted(TransportProvider provider) {
        return provider.launchModes().stream().filter(mode -> mode != LaunchMode.EXTERNAL).sorted()
                .map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String toString() {
        return transport + "/" + launch.name().toLowerCase(Locale.ROOT);
    }
}
