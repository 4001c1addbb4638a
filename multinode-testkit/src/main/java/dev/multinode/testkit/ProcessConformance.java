package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.Await;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import dev.multinode.MultiNodeProbe;
import dev.multinode.testkit.children.OrphanedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What only process nodes can do: die, be killed from outside, outlive their parent (they must not). */
public interface ProcessConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void aNodeThatExitsIsNoticedAtOnceWithItsExitCodeAndLastLines(Mode mode) {
        long started = System.nanoTime();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b")
                .barrierTimeout(Duration.ofSeconds(60))
                .run(node -> {
                    node.enterBarrier("up");
                    node.runOn("node-b", () -> {
                        System.out.println("about to exit");
                        System.exit(3);
                    });
                    node.enterBarrier("never");
                }));
        assertThat(failure.getMessage()).startsWith("node-b died with exit code 3").contains("about to exit");
        assertThat(failure.rootRole()).contains("node-b");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void aNodeKilledFromOutsideIsNoticedAtOnce(Mode mode) {
        long started = System.nanoTime();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b")
                .barrierTimeout(Duration.ofSeconds(60))
                .run(node -> {
                    MultiNodeProbe pids = node.probe("pids");
                    node.enterBarrier("up");
                    node.runOn("node-b", () -> node.tell(node.probeRef("node-a", "pids"), ProcessHandle.current().pid()));
                    node.runOn("node-a", () -> ProcessHandle.of(pids.expectMessage(Long.class, Waits.MANY))
                            .orElseThrow().destroyForcibly());
                    node.enterBarrier("never");
                }));
        assertThat(failure.getMessage()).startsWith("node-b died with exit code 137");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /**
     * @param mode the case's transport and launch mode
     * @throws IOException if a node's log cannot be read
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void eachNodesOutputLandsInItsOwnLogWithItsRole(Mode mode) throws IOException {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b").run(node -> {
            System.out.println("printed by " + node.role());
            System.err.println("error line of " + node.role());
            node.log().info("logged by {}", node.role());
            node.enterBarrier("printed");
            node.runOn("node-a", () -> {
                throw new IllegalStateException("keep the run folder");
            });
        }));
        Path folder = failure.runDirectory().orElseThrow();
        for (String role : List.of("node-a", "node-b")) {
            String log = Files.readString(folder.resolve(role + ".log"));
            assertThat(log).contains("[" + role + "]").contains("printed by " + role).contains("error line of " + role)
                    .contains("logged by " + role).doesNotContain("printed by " + (role.equals("node-a") ? "node-b" : "node-a"));
        }
    }

    /**
     * @param mode the case's transport and launch mode
     * @throws Exception if the parent JVM cannot be started or its files cannot be read
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void nodesExitWhenTheParentJvmDies(Mode mode) throws Exception {
        orphan(mode, false);
    }

    /**
     * A stopped JVM cannot notice its parent's death; the pause's guard continues it, and it exits.
     *
     * @param mode the case's transport and launch mode
     * @throws Exception if the parent JVM cannot be started or its files cannot be read
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void aPausedNodeExitsTooWhenTheParentJvmDies(Mode mode) throws Exception {
        orphan(mode, true);
    }

    /** Kills a parent JVM whose run has two process nodes, node-b paused if asked, and waits for all it started to go. */
    private static void orphan(Mode mode, boolean paused) throws Exception {
        Path scratch = Files.createTempDirectory("multinode-orphans");
        Path pidFile = Files.createFile(scratch.resolve("pids"));
        Path pausedFile = scratch.resolve("paused");
        List<String> flags = new ArrayList<>(mode.provider().jvmFlags());
        flags.add("-Dmultinode.runDir=" + scratch.resolve("runs"));
        List<String> arguments = new ArrayList<>(List.of(mode.transport(), pidFile.toString()));
        if (paused) {
            arguments.add(pausedFile.toString());
        }
        ChildJvm parent = ChildJvm.builder(OrphanedRun.class).flags(flags).arguments(arguments.toArray(String[]::new))
                .start(scratch.resolve("parent.log"));
        try {
            List<Long> children = new ArrayList<>();
            Await.awaitAssert(() -> {
                children.clear();
                Files.readAllLines(pidFile).stream().filter(line -> !line.isBlank()).map(Long::valueOf).forEach(children::add);
                assertThat(children).hasSize(2);
                assertThat(!paused || Files.exists(pausedFile)).as("node-b paused").isTrue();
            }, Waits.MANY);
            List<ProcessHandle> started = parent.descendants();
            parent.kill();
            Await.awaitAssert(() -> assertThat(started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                    .as("processes the parent started still alive after it died (nodes " + children + ")").isEmpty(),
                    Waits.MANY);
        } finally {
            parent.close();
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
