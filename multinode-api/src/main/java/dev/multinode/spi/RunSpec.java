package dev.multinode.spi;

import dev.multinode.LaunchMode;
import java.time.Duration;
import java.util.List;

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
 * @param barriersSkipPausedNodes whether barriers release without the nodes paused while they wait
 * @param testClass      the fully qualified name of the test class whose folder holds the run's, or
 *                       null to take the calling test's (a JUnit extension runs the spec, not the test)
 */
public record RunSpec(String name, List<String> roles, String transport, LaunchMode launch,
                      Duration barrierTimeout, Duration timeout, Long seed,
                      List<Class<?>> allowed, List<String> jvmArgs,
                      boolean barriersSkipPausedNodes, String testClass) {

    /** Copies the lists so that a spec cannot change after the run starts. */
    public RunSpec {
        roles = roles == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(roles));
        allowed = List.copyOf(allowed);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
