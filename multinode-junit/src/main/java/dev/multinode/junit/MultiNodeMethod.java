package dev.multinode.junit;

import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import dev.multinode.testkit.Mode;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link MultiNodeTest} method with its annotations read and checked, so that bad input fails
 * before any node starts, with a message naming the method and the value.
 *
 * @param method the test method
 * @param roles  the roles
 * @param modes  the transports and launch modes to run over, one invocation each
 */
record MultiNodeMethod(Method method, List<String> roles, List<Mode> modes) {

    /** The runtime's transport when {@code multinode.transport} is not set. */
    private static final String DEFAULT_TRANSPORT = "inproc";

    /**
     * @param method a method annotated with {@link MultiNodeTest}
     * @return it, checked
     * @throws IllegalArgumentException naming the method, the bad value and what is accepted
     */
    static MultiNodeMethod of(Method method) {
        String where = describe(method);
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != Node.class) {
            throw new IllegalArgumentException("@MultiNodeTest method " + where + " must take exactly one parameter, "
                    + "a " + Node.class.getName() + ": every node calls it with its own Node");
        }
        MultiNodeTest test = method.getAnnotation(MultiNodeTest.class);
        if (test.roles().length == 0) {
            throw new IllegalArgumentException("@MultiNodeTest(roles = {}) on " + where
                    + " names no role: give at least one, e.g. roles = {\"node-a\", \"node-b\"}");
        }
        MultiNodeMethod checked = new MultiNodeMethod(method, List.of(test.roles()), modes(method, where));
        try {
            checked.spec(checked.modes().get(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@MultiNodeTest on " + where + ": " + e.getMessage(), e);
        }
        return checked;
    }

    /**
     * @param mode the invocation's transport and launch mode
     * @return the spec of this method's annotation in that mode, without its name and test class
     * @throws IllegalArgumentException if an option is invalid, naming it and its value
     */
    SpecBuilder spec(Mode mode) {
        MultiNodeTest test = method.getAnnotation(MultiNodeTest.class);
        SpecBuilder spec = mode.spec(roles.toArray(String[]::new)).allow(test.allow()).jvmArgs(test.jvmArgs());
        if (!test.barrierTimeout().isEmpty()) {
            spec.barrierTimeout(duration("barrierTimeout", test.barrierTimeout()));
        }
        if (!test.timeout().isEmpty()) {
            spec.timeout(duration("timeout", test.timeout()));
        }
        if (test.seed().length > 1) {
            throw new IllegalArgumentException("seed = " + Arrays.toString(test.seed()) + " gives " + test.seed().length
                    + " seeds: give one, e.g. seed = 42");
        }
        if (test.seed().length == 1) {
            spec.seed(test.seed()[0]);
        }
        if (test.barriersSkipPausedNodes()) {
            spec.barriersSkipPausedNodes();
        }
        return spec;
    }

    /** Without {@link Transports}, the system properties choose, as they do for a spec. */
    private static List<Mode> modes(Method method, String where) {
        Transports transports = method.getAnnotation(Transports.class);
        String list = transports == null ? System.getProperty("multinode.transport", DEFAULT_TRANSPORT)
                : String.join(",", transports.value());
        String launch = transports == null ? System.getProperty("multinode.launch") : null;
        try {
            return Mode.parseAll(list, launch);
        } catch (IllegalArgumentException e) {
            String given = transports == null ? "-Dmultinode.transport=" + list
                    : "@Transports(" + Arrays.stream(transports.value()).map(entry -> '"' + entry + '"')
                            .collect(Collectors.joining(", ", "{", "}")) + ")";
            throw new IllegalArgumentException(given + " on " + where + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " = \"" + value
                    + "\" is not an ISO-8601 duration: write e.g. \"PT30S\", \"PT0.5S\" or \"PT2M\"", e);
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
