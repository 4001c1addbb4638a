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
 * @param debuggedRole       in a debug run, the role a debugger attaches to (it sends heartbeats, and
 *                           every node's own bounds on the conductor's word are lifted); null otherwise
 */
public record NodeConfig(String role, List<String> roles, Duration barrierTimeout, Duration startTimeout,
                         Duration stopTimeout, long seed, int maxFrameSize, int transportFrameSize,
                         List<Class<?>> allowed, int incarnation, Path dataDir, String debuggedRole) {

    /**
     * In a debug run, the bound of every wait that counts real time rather than the conductor's
     * counted time (a node's wait for the conductor's word, the runner's wait for the conductor):
     * someone may sit at a breakpoint for long, and the conductor's deadlines, which leave out the
     * time the debugged node was suspended, still bound the run.
     */
    public static final Duration DEBUG_RUN_BOUND = Duration.ofDays(1);

    /** Copies the lists. */
    public NodeConfig {
        roles = List.copyOf(roles);
        allowed = List.copyOf(allowed);
    }

    /** @return whether this node is the one a debugger attaches to */
    public boolean isDebugged() {
        return role.equals(debuggedRole);
    }
}
