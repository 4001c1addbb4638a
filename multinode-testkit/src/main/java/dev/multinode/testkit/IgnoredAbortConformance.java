package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body that ignores the abort's interrupt (it clears the flag and carries on) cannot hold the run:
 * the failure reaches the caller shortly after the run timeout, with the stuck node's stack, and
 * says what was left running (thread mode) or killed (process mode).
 */
public interface IgnoredAbortConformance extends ConformanceSuite {

    /** In thread mode the stuck body shares the test's JVM; the test lets it go once it has seen the failure. */
    @AfterEach
    default void releaseTheStuckBody() {
        StuckBody.release();
    }

    /**
     * @param mode the case's transport and launch mode
     * @throws IOException if the run's merged log cannot be read
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void theFailureArrivesSoonAfterTheRunTimeoutAndSaysWhatWasLeftRunning(Mode mode) throws IOException {
        StuckBody.arm();
        MultiNodeFailure failure = assertTimeout(StuckBody.RUN_TIMEOUT.plusSeconds(30), () -> assertThrows(MultiNodeFailure.class,
                () -> mode.spec("node-a", "node-b").timeout(StuckBody.RUN_TIMEOUT).run(node -> {
                    if (node.role().equals("node-b")) {
                        StuckBody.ignoreInterrupts();
                    }
                })));
        Instant returned = Instant.now();

        assertThat(failure.getMessage())
                .startsWith("Run timed out after 3000 ms; still running: node-b (running its body before the first barrier)")
                .contains("Stack of node-b:")
                .contains("ignoreInterrupts")
                .contains("node-a: passed")
                .contains(mode.launch() == LaunchMode.THREAD
                        ? "node-b did not stop after the run; threads left running: node-b"
                        : "did not stop after the abort: killed with SIGKILL");
        System.out.printf("%s: run() returned %d ms after the run timeout%n", mode,
                Duration.between(runTimedOutAt(failure), returned).toMillis());
    }

    /** @return when the bodies started, from the run's merged log, plus the run timeout */
    private static Instant runTimedOutAt(MultiNodeFailure failure) throws IOException {
        String start = Files.readAllLines(failure.runDirectory().orElseThrow().resolve("merged.log")).stream()
                .filter(line -> line.contains("[conductor] all nodes up")).findFirst().orElseThrow();
        return Instant.parse(start.substring(0, start.indexOf(' '))).plus(StuckBody.RUN_TIMEOUT);
    }
}
