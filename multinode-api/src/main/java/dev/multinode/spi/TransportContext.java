package dev.multinode.spi;

import dev.multinode.LaunchMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parameters a transport is opened with.
 *
 * @param runId         unique id of the run
 * @param runDirectory  the run's folder, for files the transport keeps (deleted after a passing run)
 * @param participants  participant names by index: index 0 is the conductor, 1..N the roles
 * @param maxFrameSize  the largest payload a frame may carry, in bytes
 * @param launchMode    how the nodes are launched
 * @param secret        the run's random secret, which network transports must require of peers
 * @param properties    transport-specific values: in a child, those the parent's transport handed down
 * @param seed          the run's seed, for a transport whose own decisions (a simulated network's
 *                      latencies) must replay with it
 */
public record TransportContext(String runId, Path runDirectory, List<String> participants, int maxFrameSize,
                               LaunchMode launchMode, String secret, Map<String, String> properties, long seed) {

    /** Index of the conductor among the participants. */
    public static final int CONDUCTOR = 0;

    /** Copies the collections. */
    public TransportContext {
        participants = List.copyOf(participants);
        properties = Map.copyOf(properties);
    }

    /**
     * A context with seed 0, for a transport's own tests, where no decision hangs on the seed.
     *
     * @param runId        unique id of the run
     * @param runDirectory the run's folder
     * @param participants participant names by index
     * @param maxFrameSize the largest payload a frame may carry
     * @param launchMode   how the nodes are launched
     * @param secret       the run's secret
     * @param properties   transport-specific values
     */
    public TransportContext(String runId, Path runDirectory, List<String> participants, int maxFrameSize,
                            LaunchMode launchMode, String secret, Map<String, String> properties) {
        this(runId, runDirectory, participants, maxFrameSize, launchMode, secret, properties, 0L);
    }
}
