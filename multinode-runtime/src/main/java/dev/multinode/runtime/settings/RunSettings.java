package dev.multinode.runtime.settings;

import dev.multinode.LaunchMode;
import dev.multinode.spi.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The settings of one run: the spec's options over the {@code multinode.*} system properties over
 * the defaults.
 *
 * @param name           the run's name, used for its folder
 * @param roles          validated roles
 * @param transport      the transport's name
 * @param launch         the launch mode, or null for the transport's default
 * @param barrierTimeout default barrier timeout
 * @param timeout        the whole run's timeout
 * @param seed           the run's seed
 * @param maxFrameSize   largest frame payload
 * @param runRoot        folder under which each run gets its own
 * @param keepRuns       keep the folder of passing runs too
 * @param allowed        classes allowed in probe messages
 * @param jvmArgs        extra JVM arguments for process nodes
 * @param roleJvmArgs    extra JVM arguments for the process nodes of some roles, by role of {@code roles}
 * @param roleSystemProperties system properties for the process nodes of some roles, by role of {@code roles}
 * @param skipPausedNodes whether barriers release without the nodes paused while they wait
 * @param debug          the node a debugger attaches to, or null
 */
public record RunSettings(String name, List<String> roles, String transport, LaunchMode launch,
                          Duration barrierTimeout, Duration timeout, long seed, int maxFrameSize,
                          Path runRoot, boolean keepRuns, List<Class<?>> allowed, List<String> jvmArgs,
                          Map<String, List<String>> roleJvmArgs, Map<String, Map<String, String>> roleSystemProperties,
                          boolean skipPausedNodes, DebugTarget debug) {

    /** Property naming the transport. */
    public static final String TRANSPORT = "multinode.transport";
    /** Property naming the launch mode. */
    public static final String LAUNCH = "multinode.launch";
    /** Property with the default barrier timeout. */
    public static final String BARRIER_TIMEOUT = "multinode.barrierTimeout";
    /** Property with the run timeout. */
    public static final String TIMEOUT = "multinode.timeout";
    /** Property with the seed. */
    public static final String SEED = "multinode.seed";
    /** Property with the folder of run folders. */
    public static final String RUN_DIR = "multinode.runDir";
    /** Property with the frame size limit. */
    public static final String MAX_FRAME_SIZE = "multinode.maxFrameSize";
    /** Property that keeps passing runs' folders. */
    public static final String KEEP_RUNS = "multinode.keepRuns";
    /** Property with extra JVM arguments for process nodes, separated by spaces. */
    public static final String JVM_ARGS = "multinode.jvmArgs";

    private static final int LARGEST_FRAME = 16 * 1024 * 1024;

    /** Copies the lists. */
    public RunSettings {
        roles = List.copyOf(roles);
        allowed = List.copyOf(allowed);
        jvmArgs = List.copyOf(jvmArgs);
        roleJvmArgs = Map.copyOf(roleJvmArgs);
        roleSystemProperties = Map.copyOf(roleSystemProperties);
    }

    /**
     * Resolves the settings of a spec.
     *
     * @param spec        what the spec asked for
     * @param properties  the system properties
     * @param defaultName the run's name when the spec gives none
     * @return the settings
     * @throws IllegalArgumentException naming a bad value and what is accepted
     */
    public static RunSettings resolve(RunSpec spec, Properties properties, String defaultName) {
        List<String> roles = RoleNames.validate(spec.roles());
        String transport = spec.transport() != null ? spec.transport()
                : properties.getProperty(TRANSPORT, "inproc").trim();
        LaunchMode launch = spec.launch() != null ? spec.launch() : launchMode(properties.getProperty(LAUNCH));
        Duration barrierTimeout = spec.barrierTimeout() != null ? spec.barrierTimeout()
                : duration(properties, BARRIER_TIMEOUT, Duration.ofSeconds(30));
        Duration timeout = spec.timeout() != null ? spec.timeout() : duration(properties, TIMEOUT, Duration.ofMinutes(2));
        long seed = spec.seed() != null ? spec.seed() : seed(properties.getProperty(SEED));
        int maxFrameSize = (int) integer(properties, MAX_FRAME_SIZE, 64 * 1024, LARGEST_FRAME);
        Path runRoot = Path.of(properties.getProperty(RUN_DIR, "target/multinode")).toAbsolutePath();
        boolean keepRuns = Boolean.parseBoolean(properties.getProperty(KEEP_RUNS, "false"));
        List<String> jvmArgs = new ArrayList<>(split(properties.getProperty(JVM_ARGS, "")));
        jvmArgs.addAll(spec.jvmArgs());
        String name = spec.name() != null ? spec.name() : defaultName;
        requireRoles("jvmArgsFor", spec.roleJvmArgs().keySet(), roles);
        requireRoles("systemPropertyFor", spec.roleSystemProperties().keySet(), roles);
        return new RunSettings(name, roles, transport, launch, barrierTimeout, timeout, seed, maxFrameSize,
                runRoot, keepRuns, spec.allowed(), jvmArgs, spec.roleJvmArgs(), spec.roleSystemProperties(),
                spec.barriersSkipPausedNodes(), DebugTarget.parse(properties.getProperty(DebugTarget.PROPERTY), roles));
    }

    /**
     * @param otherSeed a seed
     * @return these settings with that seed
     */
    public RunSettings withSeed(long otherSeed) {
        return new RunSettings(name, roles, transport, launch, barrierTimeout, timeout, otherSeed, maxFrameSize, runRoot,
                keepRuns, allowed, jvmArgs, roleJvmArgs, roleSystemProperties, skipPausedNodes, debug);
    }

    /** A typo in a role would otherwise leave the options unused without a word. */
    private static void requireRoles(String option, Set<String> named, List<String> roles) {
        for (String role : named) {
            if (!roles.contains(role)) {
                throw new IllegalArgumentException(option + "('" + role + "', ...): not a role of this spec; its roles are "
                        + roles);
            }
        }
    }

    private static LaunchMode launchMode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LaunchMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + LAUNCH + " '" + value + "': accepted are "
                    + Arrays.toString(LaunchMode.values()).toLowerCase(Locale.ROOT), e);
        }
    }

    private static Duration duration(Properties properties, String key, Duration fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return DurationParser.parse(key, value);
    }

    private static long integer(Properties properties, String key, long fallback, long max) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 1 || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + key + " '" + value + "': accepted is a whole number from 1 to " + max, e);
        }
    }

    private static long seed(String value) {
        if (value == null || value.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + SEED + " '" + value + "': accepted is a 64-bit whole number", e);
        }
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
