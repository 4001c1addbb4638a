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
 */
public record TransportContext(String runId, Path runDirectory, List<String> participants, int maxFrameSize,
                               LaunchMode launchMode, String secret, Map<String, String> properties) {

    /** Index of the conductor among the participants. */
    public static final int CONDUCTOR = 0;

    /** Copies the collections. */
    public TransportContext {
        participants = List.copyOf(participants);
        properties = Map.copyOf(properties);
    }
}
