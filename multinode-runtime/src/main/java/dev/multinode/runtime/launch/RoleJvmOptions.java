package dev.multinode.runtime.launch;

import dev.multinode.LaunchMode;
import dev.multinode.runtime.settings.RunSettings;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's per-role JVM arguments and system properties outside process launch: a thread node
 * has no JVM of its own and shares the test JVM's properties with every other node, and an
 * external node was started by someone else. They are ignored, and a warning says so, since the
 * spec asked for them by name.
 */
public final class RoleJvmOptions {

    private static final Logger LOG = LoggerFactory.getLogger(RoleJvmOptions.class);

    private RoleJvmOptions() {
    }

    /**
     * @param settings the run's settings
     * @param mode     the launch mode chosen
     */
    public static void warnIfIgnored(RunSettings settings, LaunchMode mode) {
        if (mode == LaunchMode.PROCESS) {
            return;
        }
        String launch = mode.name().toLowerCase(Locale.ROOT);
        if (!settings.roleJvmArgs().isEmpty()) {
            LOG.warn("Ignoring jvmArgsFor {}: in {} launch a node has no JVM of its own to start with them",
                    settings.roleJvmArgs(), launch);
        }
        if (!settings.roleSystemProperties().isEmpty()) {
            LOG.warn("Ignoring systemPropertyFor {}: in {} launch a node {}", settings.roleSystemProperties(), launch,
                    mode == LaunchMode.THREAD ? "shares the test JVM's system properties with every other node"
                            : "gets the properties of the command that started it");
        }
    }
}
