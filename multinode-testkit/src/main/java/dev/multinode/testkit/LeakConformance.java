package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNodeFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing outlives a run: no thread, no executor, no passing run's folder. */
public interface LeakConformance extends ConformanceSuite {

    /**
     * The run's folder is checked while the run is on, so that a change of its name cannot make
     * the check after the run pass on a folder that never was.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aPassingRunLeavesNoThreadAndNoFolder(Mode mode) {
        Set<Thread> before = Threads.live();
        // <multinode.runDir>/<test class>/<spec name>/<run id>, the test class being this interface
        String runs = Path.of(System.getProperty("multinode.runDir", "target/multinode")).toAbsolutePath()
                .resolve(LeakConformance.class.getName()).resolve("leak-check-pass").toString();
        mode.spec("node-a", "node-b", "node-c").name("leak-check-pass").run(node -> {
            node.executor().scheduleAtFixedRate(() -> { }, 0, 1, TimeUnit.MILLISECONDS);
            node.closeOnStop(() -> node.log().info("resource closed"));
            node.runOn("node-a", () -> assertThat(Path.of(runs)).as("the folder of the running spec").isDirectory());
            node.enterBarrier("busy");
        });
        Threads.assertNoneLeftSince(before);
        assertThat(Path.of(runs)).as("the folder of the passing spec").doesNotExist();
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aFailingRunLeavesNoThreadButKeepsItsFolder(Mode mode) {
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
