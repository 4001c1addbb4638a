package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import dev.multinode.testkit.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failing node's last lines in the failure are those up to the failure, not what the node
 * printed while the run was torn down after it.
 */
class FailureLogTailSelfTest {

    static List<Mode> modes() {
        return List.of(new Mode("inproc", LaunchMode.THREAD), new Mode("tcp", LaunchMode.PROCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theLastLinesAreThoseBeforeTheFailureNotTheShutdownNoise(Mode mode) throws IOException {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a").run(node -> {
            node.closeOnStop("resource", (resource, why) -> System.out.println("shutdown noise"));
            System.out.println("before");
            throw new IllegalStateException("boom");
        }));

        Path log = failure.runDirectory().orElseThrow().resolve("node-a.log");
        assertThat(Files.readString(log)).as("the log itself").contains("shutdown noise");
        assertThat(failure.getMessage()).containsPattern("Last (line|\\d+ lines) of node-a\\.log up to the failure:")
                .contains("[node-a] before").doesNotContain("shutdown noise");
    }
}
