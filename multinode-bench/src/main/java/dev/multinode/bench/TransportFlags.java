package dev.multinode.bench;

import dev.multinode.spi.TransportProvider;
import java.util.List;

/**
 * The JVM flags a transport asks its node processes to start with: a raw baseline's child process
 * gets exactly those, so that it differs from a node only in running no harness.
 */
final class TransportFlags {

    private TransportFlags() {
    }

    /**
     * @param transport a transport's name
     * @return its {@link TransportProvider#jvmFlags()}
     * @throws IllegalStateException if no provider of that name is on the class or module path
     */
    static List<String> of(String transport) {
        return TransportProviders.find(transport).jvmFlags();
    }
}
