package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.testkit.ChildJvm;
import dev.multinode.testkit.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM started without the flags Agrona or a transport needs fails with one message that
 * lists them and where they go, not with the raw JDK error from deep inside the library.
 */
class MissingJvmFlagsSelfTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void withoutAgronasFlagTheRunSaysWhichFlagToAddWhere() throws Exception {
        String output = runSpec("inproc", List.of());

        assertThat(output).contains("This JVM lacks the module access that Agrona and transport 'inproc' need: "
                        + "--add-exports=java.base/jdk.internal.misc=")
                .contains("maven-surefire-plugin's <argLine>")
                .contains(String.join(" ", Mode.of("inproc").findFirst().orElseThrow().provider().jvmFlags()))
                .doesNotContain("IllegalAccessError");
    }

    @Test
    void withoutChroniclesFlagsTheRunListsEveryFlagTheTransportNeeds() throws Exception {
        String output = runSpec("chronicle", List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));

        assertThat(output).contains("This JVM lacks the module access that Agrona and transport 'chronicle' need: "
                        + "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED")
                .contains("Every flag the transport needs: "
                        + String.join(" ", Mode.of("chronicle").findFirst().orElseThrow().provider().jvmFlags()))
                .doesNotContain("IllegalAccessException").doesNotContain("IllegalAccessError");
    }

    /** @return the output of a JVM with these flags that ran a one-node spec over the transport */
    private String runSpec(String transport, List<String> flags) throws Exception {
        try (ChildJvm child = ChildJvm.builder(OneNodeSpec.class).flags(flags)
                .arguments(transport, folder.resolve("runs").toString()).start(folder.resolve(transport + ".log"))) {
            assertThat(child.await(CHILD_TIMEOUT)).as("exit code").isEqualTo(OneNodeSpec.FAILED);
            return child.output();
        }
    }

    /** Runs a one-node spec in thread launch: {@code OneNodeSpec <transport> <run folder>}. */
    static final class OneNodeSpec {

        static final int FAILED = 7;

        private OneNodeSpec() {
        }

        public static void main(String[] args) {
            System.setProperty("multinode.runDir", args[1]);
            try {
                MultiNode.spec("node-a").transport(args[0]).launch(LaunchMode.THREAD).run(node -> { });
            } catch (RuntimeException | Error e) {
                e.printStackTrace();
                System.exit(FAILED);
            }
        }
    }
}
