package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNodeFailure;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing outlives a run: no thread, no executor, no passing run's folder. */
class LeakSelfTest {

    static List<Mode> modes() {
        return Mode.all().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aPassingRunLeavesNoThreadAndNoFolder(Mode mode) {
        Set<Thread> before = Threads.live();
        mode.spec("node-a", "node-b", "node-c").name("leak-check-pass").run(node -> {
            node.executor().scheduleAtFixedRate(() -> { }, 0, 1, TimeUnit.MILLISECONDS);
            node.closeOnStop(() -> node.log().info("resource closed"));
            node.enterBarrier("busy");
        });
        Threads.assertNoneLeftSince(before);
        assertThat(Files.exists(java.nio.file.Path.of("target/multinode", LeakSelfTest.class.getName(), "leak-check-pass"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aFailingRunLeavesNoThreadButKeepsItsFolder(Mode mode) {
        Set<Thread> before = Threads.live();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b")
                .name("leak-check-fail")
                .barrierTimeout(Duration.ofSeconds(30))
                .run(node -> {
                    node.executor().submit(() -> { });
                    node.runOn("node-a", () -> {
                        throw new IllegalStateException("failing on purpose");
                    });
                    node.enterBarrier("never");
                }));
        Threads.assertNoneLeftSince(before);
        assertThat(failure.runDirectory()).hasValueSatisfying(folder -> assertThat(folder).isDirectory());
    }
}
