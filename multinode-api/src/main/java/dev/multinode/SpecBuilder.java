package dev.multinode;

import dev.multinode.spi.RunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of one run; anything not set here comes from the {@code multinode.*} system properties.
 * Obtain one with {@link MultiNode#spec(String...)}.
 */
public final class SpecBuilder {

    private final List<String> roles;
    private String name;
    private String transport;
    private LaunchMode launch;
    private Duration barrierTimeout;
    private Duration timeout;
    private Long seed;
    private final List<Class<?>> allowed = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, List<String>> roleJvmArgs = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> roleSystemProperties = new LinkedHashMap<>();
    private boolean barriersSkipPausedNodes;
    private String testClass;

    /** Keeps null roles (and a null list), so that the runner's role check names them with the others. */
    SpecBuilder(List<String> roles) {
        this.roles = roles == null ? null : new ArrayList<>(roles);
    }

    /**
     * @param name the run's name, used for its folder; defaults to the calling test class and method
     * @return this builder
     */
    public SpecBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * @param transport a transport name, as its provider reports it ({@code inproc}, ...)
     * @return this builder
     */
    public SpecBuilder transport(String transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * @param launch how nodes start; defaults to the transport's natural mode
     * @return this builder
     */
    public SpecBuilder launch(LaunchMode launch) {
        this.launch = Objects.requireNonNull(launch, "launch");
        return this;
    }

    /**
     * @param barrierTimeout how long a barrier may take unless a call says otherwise
     * @return this builder
     */
    public SpecBuilder barrierTimeout(Duration barrierTimeout) {
        this.barrierTimeout = positive(barrierTimeout, "barrierTimeout");
        return this;
    }

    /**
     * @param timeout how long the whole run may take
     * @return this builder
     */
    public SpecBuilder timeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
        return this;
    }

    /**
     * @param seed the seed of every random decision of the run (drops, for one)
     * @return this builder
     */
    public SpecBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Allows records and enums of these classes in probe messages. Nothing else outside the built-in
     * types is ever instantiated from a received message.
     *
     * @param types record or enum classes
     * @return this builder
     */
    public SpecBuilder allow(Class<?>... types) {
        for (Class<?> type : types) {
            if (!type.isRecord() && !type.isEnum()) {
                throw new IllegalArgumentException("allow(" + type.getName()
                        + "): only records and enums can travel in probe messages");
            }
            allowed.add(type);
        }
        return this;
    }

    /**
     * @param args extra JVM arguments for process nodes, after those of {@code multinode.jvmArgs}
     * @return this builder
     */
    public SpecBuilder jvmArgs(String... args) {
        jvmArgs.addAll(List.of(args));
        return this;
    }

    /**
     * Extra JVM arguments for one role's process nodes (every incarnation), after those every node
     * gets. Not an overload of {@link #jvmArgs(String...)}: {@code jvmArgs("node-b", "-Xmx256m")}
     * would be ambiguous to the compiler and to a reader. Thread and external launch cannot apply
     * them and say so in a warning.
     *
     * @param role a role of this spec
     * @param args JVM arguments, such as {@code -Xmx256m} or {@code -XX:+UseG1GC}
     * @return this builder
     */
    public SpecBuilder jvmArgsFor(String role, String... args) {
        roleJvmArgs.computeIfAbsent(Objects.requireNonNull(role, "role"), r -> new ArrayList<>()).addAll(List.of(args));
        return this;
    }

    /**
     * A system property for one role's process nodes (every incarnation); it wins over a property
     * of the same name that the test JVM forwards. Thread and external launch cannot apply it (every
     * thread node shares the test JVM's properties) and say so in a warning.
     *
     * @param role  a role of this spec
     * @param key   the property's name: not empty, without {@code =}
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or holds {@code =}
     */
    public SpecBuilder systemPropertyFor(String role, String key, String value) {
        Objects.requireNonNull(role, "role");
        if (key == null || key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("systemPropertyFor(" + role + ", '" + key
                    + "'): a property name must be non-empty and hold no '='");
        }
        roleSystemProperties.computeIfAbsent(role, r -> new LinkedHashMap<>())
                .put(key, Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Lets barriers release without the nodes that are {@linkplain Faults#pause paused} while they
     * wait; by default a barrier waits for a paused node, bounded by its timeout. A resumed node
     * passes at once the barriers that were passed without it.
     *
     * @return this builder
     */
    public SpecBuilder barriersSkipPausedNodes() {
        this.barriersSkipPausedNodes = true;
        return this;
    }

    /**
     * Names the test class whose folder holds the run's folder, for code that runs a spec on a test's
     * behalf (a JUnit extension) and so is not the test on the stack. Set {@link #name} with it.
     *
     * @param testClass a fully qualified class name; defaults to the calling test class
     * @return this builder
     */
    public SpecBuilder testClass(String testClass) {
        this.testClass = Objects.requireNonNull(testClass, "testClass");
        return this;
    }

    /**
     * Runs the body once per role and waits for every node.
     *
     * @param body the script
     * @throws MultiNodeFailure if any node fails, or the run times out
     */
    public void run(NodeBody body) {
        MultiNode.runner().run(toRunSpec(), Objects.requireNonNull(body, "body"));
    }

    RunSpec toRunSpec() {
        return new RunSpec(name, roles, transport, launch, barrierTimeout, timeout, seed, allowed, jvmArgs,
                roleJvmArgs, roleSystemProperties, barriersSkipPausedNodes, testClass);
    }

    private static Duration positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + value);
        }
        return value;
    }
}
