package dev.multinode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one failure a run reports. Its message leads with the root cause (the first node that failed,
 * where and why), then one line per other node, the seed and the run folder; {@link #getCause()} is
 * the root cause's exception.
 */
public class MultiNodeFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String rootRole;
    private final long seed;
    private final String runDirectory;

    /**
     * Creates the failure.
     *
     * @param message      the full report
     * @param cause        the root cause's exception, or null when the run failed as a whole
     * @param rootRole     the role that failed first, or null when no single node did
     * @param seed         the run's seed
     * @param runDirectory the run's folder, or null if none was kept
     */
    public MultiNodeFailure(String message, Throwable cause, String rootRole, long seed, Path runDirectory) {
        super(message, cause);
        this.rootRole = rootRole;
        this.seed = seed;
        this.runDirectory = runDirectory == null ? null : runDirectory.toString();
    }

    /** @return the role that failed first, if a single node did */
    public Optional<String> rootRole() {
        return Optional.ofNullable(rootRole);
    }

    /** @return the run's seed, to replay it with {@code -Dmultinode.seed} */
    public long seed() {
        return seed;
    }

    /** @return the folder kept with the run's logs and records */
    public Optional<Path> runDirectory() {
        return Optional.ofNullable(runDirectory).map(Path::of);
    }
}
