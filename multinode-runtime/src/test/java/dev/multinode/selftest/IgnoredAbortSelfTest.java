package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body that ignores the abort's interrupt (it clears the flag and carries on) cannot hold the run:
 * the failure reaches the caller shortly after the run timeout, with the stuck node's stack, and
 * says what was left running (thread mode) or killed (process mode).
 */
class IgnoredAbortSelfTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(3);
    /** The body's own guard: it never outlives the test class by long, whatever happens. */
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final Duration GENEROUS = RUN_TIMEOUT.plusSeconds(30);

    /** In thread mode the stuck body shares this JVM; the test lets it go once it has seen the failure. */
    private static volatile boolean released;

    static List<Mode> modes() {
        return Mode.all().toList();
    }

    @AfterEach
    void releaseTheStuckBody() {
        released = true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theFailureArrivesSoonAfterTheRunTimeoutAndSaysWhatWasLeftRunning(Mode mode) throws IOException {
        released = false;
        MultiNodeFailure failure = assertTimeout(GENEROUS, () -> assertThrows(MultiNodeFailure.class,
                () -> mode.spec("node-a", "node-b").timeout(RUN_TIMEOUT).run(node -> {
                    if (node.role().equals("node-b")) {
                        ignoreInterrupts();
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

    /** Clears every interrupt and carries on; parks between checks so as not to take a core from the others. */
    private static void ignoreInterrupts() {
        long end = System.nanoTime() + GUARD_NANOS;
        while (!released && System.nanoTime() - end < 0) {
            Thread.interrupted();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** @return when the bodies started, from the run's merged log, plus the run timeout */
    private static Instant runTimedOutAt(MultiNodeFailure failure) throws IOException {
        String start = Files.readAllLines(failure.runDirectory().orElseThrow().resolve("merged.log")).stream()
                .filter(line -> line.contains("[conductor] all nodes up")).findFirst().orElseThrow();
        return Instant.parse(start.substring(0, start.indexOf(' '))).plus(RUN_TIMEOUT);
    }
}
