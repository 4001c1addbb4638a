package dev.multinode.selftest;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.SpecBuilder;
import dev.multinode.spi.TransportProvider;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A transport and launch mode to run the harness self-tests in. Every transport on the test path
 * contributes each launch mode it supports, except external (which needs nodes started by hand).
 *
 * @param transport the transport's name
 * @param launch    the launch mode
 */
public record Mode(String transport, LaunchMode launch) {

    /** @return every mode available to this test run */
    public static Stream<Mode> all() {
        List<TransportProvider> providers = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return providers.stream().flatMap(provider -> provider.launchModes().stream()
                .filter(mode -> mode != LaunchMode.EXTERNAL)
                .sorted()
                .map(mode -> new Mode(provider.name(), mode)));
    }

    /**
     * @param roles the roles
     * @return a spec in this mode
     */
    public SpecBuilder spec(String... roles) {
        return MultiNode.spec(roles).transport(transport).launch(launch);
    }

    @Override
    public String toString() {
        return transport + "/" + launch.name().toLowerCase(Locale.ROOT);
    }
}
