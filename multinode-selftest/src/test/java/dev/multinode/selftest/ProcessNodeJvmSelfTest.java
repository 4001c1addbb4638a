package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.runtime.settings.ForwardedProperties;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a process node's JVM sees: the test JVM's system properties but the JDK's own and its
 * process's paths, the role's own arguments and properties, and the node defaults the user's
 * arguments leave in force. Each body checks in its node and throws when it sees otherwise.
 */
class ProcessNodeJvmSelfTest {

    private static final List<String> SET_HERE = List.of("selftest.fromTest", "java.selftest.notForwarded",
            "java.selftest.wanted", "selftest.excluded.key", ForwardedProperties.FORWARD, ForwardedProperties.EXCLUDE);

    @AfterEach
    void clearProperties() {
        SET_HERE.forEach(System::clearProperty);
    }

    @Test
    void aProcessNodeSeesTheTestJvmsPropertiesButTheJdksAndTheForksPaths() {
        assertThat(System.getProperty("selftest.fromSurefire")).as("Surefire's systemPropertyVariables").isNotNull();
        assertThat(System.getProperty("basedir")).as("Surefire's basedir").isNotNull();
        System.setProperty("selftest.fromTest", "set in \"test\" C:\\x\ty\nz"); // the argument file's escapes
        System.setProperty("java.selftest.notForwarded", "jdk-namespace");
        System.setProperty("java.selftest.wanted", "asked-for");
        System.setProperty("selftest.excluded.key", "left-out");
        System.setProperty(ForwardedProperties.FORWARD, "java.selftest.wanted");
        System.setProperty(ForwardedProperties.EXCLUDE, "selftest.excluded.");

        MultiNode.spec("node-a").transport("tcp").launch(LaunchMode.PROCESS).run(node -> {
            expect("selftest.fromTest", "set in \"test\" C:\\x\ty\nz");
            expect("selftest.fromSurefire", "given-by-surefire");
            expect("java.selftest.wanted", "asked-for");
            expect("java.selftest.notForwarded", null);
            expect("selftest.excluded.key", null);
            expect("basedir", null);
        });
    }

    @Test
    void aRolesArgumentsAndPropertiesReachThatRoleAloneAndReplaceTheDefaults() {
        MultiNode.spec("node-a", "node-b").transport("tcp").launch(LaunchMode.PROCESS)
                .jvmArgsFor("node-b", "-XX:TieredStopAtLevel=4", "-XX:+UseParallelGC", "-Dselftest.viaArgs=b")
                .systemPropertyFor("node-b", "selftest.role", "b")
                .run(node -> {
                    boolean b = node.role().equals("node-b");
                    expect("selftest.viaArgs", b ? "b" : null);
                    expect("selftest.role", b ? "b" : null);
                    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
                    String level = b ? "-XX:TieredStopAtLevel=4" : "-XX:TieredStopAtLevel=1";
                    List<String> levels = arguments.stream().filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).toList();
                    if (!levels.equals(List.of(level))) {
                        throw new AssertionError(node.role() + " expected " + level + " alone, started with " + arguments);
                    }
                    List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(GarbageCollectorMXBean::getName).toList();
                    String young = b ? "PS Scavenge" : "Copy"; // the parallel and the serial collector's
                    if (!collectors.contains(young)) {
                        throw new AssertionError(node.role() + " expected the collector " + young + ", has " + collectors);
                    }
                });
    }

    private static void expect(String key, String value) {
        if (!Objects.equals(System.getProperty(key), value)) {
            throw new AssertionError("System property " + key + ": expected " + value + ", was " + System.getProperty(key));
        }
    }
}
