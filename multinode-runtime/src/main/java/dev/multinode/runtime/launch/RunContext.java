package dev.multinode.runtime.launch;

import dev.multinode.LaunchMode;
import dev.multinode.runtime.conductor.Conductor;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a launcher needs to start the nodes of a run.
 *
 * @param settings         the run's settings
 * @param launchMode       the chosen launch mode
 * @param provider         the transport's provider
 * @param transport        this JVM's share of the transport
 * @param transportContext what the transport was opened with
 * @param conductor        the run's conductor, told about node deaths
 * @param body             the serialized body
 * @param bodyClassLoader  the class loader that defined the body
 * @param runDirectory     the run's folder
 */
public record RunContext(RunSettings settings, LaunchMode launchMode, TransportProvider provider, Transport transport,
                         TransportContext transportContext, Conductor conductor, byte[] body,
                         ClassLoader bodyClassLoader, Path runDirectory) {

    /** How long the nodes may take to come up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long nodes may take to stop after an abort; after a run timeout the conductor gives them less. */
    public static final Duration ABORT_GRACE = Duration.ofSeconds(10);

    /**
     * @param role        a role
     * @param incarnation 0 for the first start, one more per restart
     * @return the node configuration of that role
     */
    public NodeConfig nodeConfig(String role, int incarnation) {
        String debugged = settings.debug() == null ? null : settings.debug().role();
        // In a debug run the conductor's deadlines leave out suspended time; the nodes' own bounds must not fire first.
        Duration startTimeout = debugged == null ? START_TIMEOUT : NodeConfig.DEBUG_RUN_BOUND;
        Duration stopTimeout = debugged == null ? settings.timeout().plus(ABORT_GRACE).plus(START_TIMEOUT)
                : NodeConfig.DEBUG_RUN_BOUND;
        return new NodeConfig(role, settings.roles(), settings.barrierTimeout(), startTimeout, stopTimeout,
                settings.seed(), settings.maxFrameSize(), transportContext.maxFrameSize(), settings.allowed(), incarnation,
                dataDir(runDirectory, role), debugged);
    }

    /**
     * @param runDirectory the run's folder
     * @param role         a role
     * @return the role's data folder, which survives its restarts
     */
    public static Path dataDir(Path runDirectory, String role) {
        return runDirectory.resolve("data").resolve(role);
    }
}
