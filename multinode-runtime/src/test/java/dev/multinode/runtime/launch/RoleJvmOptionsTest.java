package dev.multinode.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.LaunchMode;
import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.spi.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Per-role JVM options that a launch mode cannot apply are named in a warning (slf4j-simple writes it to System.err). */
class RoleJvmOptionsTest {

    private final RunSettings settings = RunSettings.resolve(new RunSpec(null, List.of("node-a", "node-b"), null, null,
            null, null, null, List.of(), List.of(), Map.of("node-b", List.of("-Xmx256m")),
            Map.of("node-b", Map.of("k", "v")), false, null), new Properties(), "spec");

    @Test
    void threadLaunchWarnsThatItIgnoresTheRolesArgumentsAndProperties() {
        String warnings = warningsOf(LaunchMode.THREAD);

        assertThat(warnings).contains("Ignoring jvmArgsFor {node-b=[-Xmx256m]}: in thread launch a node has no JVM of its own")
                .contains("Ignoring systemPropertyFor {node-b={k=v}}: in thread launch a node shares the test JVM's "
                        + "system properties with every other node");
    }

    @Test
    void processLaunchAppliesThemWithoutAWord() {
        assertThat(warningsOf(LaunchMode.PROCESS)).isEmpty();
    }

    private String warningsOf(LaunchMode mode) {
        PrintStream original = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            RoleJvmOptions.warnIfIgnored(settings, mode);
        } finally {
            System.setErr(original);
        }
        return written.toString(StandardCharsets.UTF_8);
    }
}
