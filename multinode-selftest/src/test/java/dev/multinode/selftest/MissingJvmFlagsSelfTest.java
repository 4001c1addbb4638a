package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.runtime.launch.ChildSpec;
import dev.multinode.runtime.launch.NodeMain;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.spi.TransportContext;
import dev.multinode.testkit.ChildJvm;
import dev.multinode.testkit.Mode;
import dev.multinode.transport.tcp.TcpTransportProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without the flags Agrona or a transport needs, a test JVM or a node's, fails with
 * one message that lists them and where they come from, not with the raw JDK error from deep inside
 * the library.
 */
class MissingJvmFlagsSelfTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    /** NodeMain's exit code when a node cannot join its run. */
    private static final int CANNOT_JOIN = 2;

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

    @Test
    void aNodeJvmWithoutTheFlagsNamesWhereANodeGetsThem() throws Exception {
        Path launch = Files.createDirectories(folder.resolve("launch"));
        List<String> participants = List.of("conductor", "node-a");
        TransportContext context = new TransportContext("run-1", folder, participants, 65536, LaunchMode.PROCESS,
                "secret", Map.of());
        NodeConfig template = new NodeConfig("node-a", List.of("node-a"), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 42, 65536, 65536, List.of(), 0, folder.resolve("data"), null);
        new ChildSpec("tcp", TcpTransportProvider.class.getName(), context, template, List.of())
                .write(launch.resolve("node.properties"));
        Files.write(launch.resolve("body.ser"), new byte[0]); // the check comes first: no body is read

        try (ChildJvm node = ChildJvm.builder(NodeMain.class).arguments(launch.toString(), "node-a", "0")
                .start(folder.resolve("node-a.log"))) {
            assertThat(node.await(CHILD_TIMEOUT)).as("exit code").isEqualTo(CANNOT_JOIN);
            assertThat(node.output()).contains("node-a could not join the run: java.lang.IllegalStateException: "
                            + "This JVM lacks the module access that Agrona and transport 'tcp' need: "
                            + "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED. A process node gets them from "
                            + "the transport's provider, whose jvmFlags() must list them")
                    .doesNotContain("IllegalAccessError");
        }
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
