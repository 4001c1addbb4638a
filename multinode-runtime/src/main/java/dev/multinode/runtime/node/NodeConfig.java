package dev.multinode.runtime.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a node needs to know of its run.
 *
 * @param role               this node's role
 * @param roles              every role, in order
 * @param barrierTimeout     default barrier timeout
 * @param startTimeout       how long to wait for the conductor's start signal
 * @param stopTimeout        how long a finished node waits for the conductor's stop signal
 * @param seed               the run's seed
 * @param maxFrameSize       the largest frame the system under test may send
 * @param transportFrameSize the transport's frame limit, at least {@code maxFrameSize}, so control
 *                           frames (failure reports) fit
 * @param allowed            classes allowed in probe messages
 * @param incarnation        0 for the role's first start, one more per restart
 * @param dataDir            the role's data folder, which survives restarts (created on first use)
 */
public record NodeConfig(String role, List<String> roles, Duration barrierTimeout, Duration startTimeout,
                         Duration stopTimeout, long seed, int maxFrameSize, int transportFrameSize,
                         List<Class<?>> allowed, int incarnation, Path dataDir) {

    /** Copies the lists. */
    public NodeConfig {
        roles = List.copyOf(roles);
        allowed = List.copyOf(allowed);
    }
}
