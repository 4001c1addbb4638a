package dev.multinode.spi;

import dev.multinode.LaunchMode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a spec asked for. Null fields were not set by the spec and come from the system properties.
 *
 * @param name           the run's name, or null to derive it from the calling test
 * @param roles          the roles, as given (validated by the runner)
 * @param transport      the transport's name, or null
 * @param launch         the launch mode, or null
 * @param barrierTimeout the default barrier timeout, or null
 * @param timeout        the run's timeout, or null
 * @param seed           the seed, or null
 * @param allowed        record and enum classes allowed in probe messages
 * @param jvmArgs        extra JVM arguments for process nodes
 * @param roleJvmArgs    extra JVM arguments for the process nodes of some roles, by role
 * @param roleSystemProperties system properties for the process nodes of some roles, by role
 * @param barriersSkipPausedNodes whether barriers release without the nodes paused while they wait
 * @param testClass      the fully qualified name of the test class whose folder holds the run's, or
 *                       null to take the calling test's (a JUnit extension runs the spec, not the test)
 */
public record RunSpec(String name, List<String> roles, String transport, LaunchMode launch,
                      Duration barrierTimeout, Duration timeout, Long seed,
                      List<Class<?>> allowed, List<String> jvmArgs,
                      Map<String, List<String>> roleJvmArgs, Map<String, Map<String, String>> roleSystemProperties,
                      boolean barriersSkipPausedNodes, String testClass) {

    /** Copies the lists so that a spec cannot change after the run starts. */
    public RunSpec {
        roles = roles == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(roles));
        allowed = List.copyOf(allowed);
        jvmArgs = List.copyOf(jvmArgs);
        roleJvmArgs = copyByRole(roleJvmArgs, List::copyOf);
        roleSystemProperties = copyByRole(roleSystemProperties, properties -> Collections.unmodifiableMap(
                new LinkedHashMap<>(properties)));
    }

    /** Keeps the order the spec gave the roles in, so that warnings and errors name them in that order. */
    private static <V> Map<String, V> copyByRole(Map<String, V> byRole, UnaryOperator<V> copy) {
        Map<String, V> copied = new LinkedHashMap<>();
        byRole.forEach((role, value) -> copied.put(role, copy.apply(value)));
        return Collections.unmodifiableMap(copied);
    }
}
