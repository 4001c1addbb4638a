package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNodeFailure;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failed run explains itself: root cause first, the others as cancelled, at once. */
public interface FailureConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void barrierTimeoutNamesArrivedMissingAndWhereTheMissingNodeIs(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b", "node-c")
                .barrierTimeout(Duration.ofMillis(500))
                .run(node -> {
                    node.enterBarrier("start");
                    if (node.role().equals("node-c")) {
                        Waits.untilInterrupted(); // never enters "together"; the abort interrupts it
                    }
                    node.enterBarrier("together");
                }));
        assertThat(failure.getMessage())
                .startsWith("Barrier 'together' failed: timed out after 500 ms")
                .contains("arrived: [node-a, node-b]")
                .contains("missing: node-c (running its body after barrier 'start')")
                .contains("node-a: cancelled")
                .contains("node-b: cancelled")
                .contains("Seed: " + failure.seed())
                .contains("Run folder: ");
        assertThat(failure.rootRole()).contains("node-c");
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void mismatchedBarrierNamesFailAtOnce(Mode mode) {
        long started = System.nanoTime();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b")
                .barrierTimeout(Duration.ofSeconds(60))
                .run(node -> node.enterBarrier(node.role().equals("node-a") ? "left" : "right")));
        assertThat(failure.getMessage()).contains("barrier names disagree").contains("'left'").contains("'right'");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aThrowingNodeIsTheRootCauseAndTheOthersAreCancelled(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b", "node-c")
                .run(node -> {
                    node.enterBarrier("start");
                    if (node.role().equals("node-b")) {
                        throw new IllegalStateException("boom");
                    }
                    node.enterBarrier("never-reached");
                }));
        assertThat(failure.getMessage())
                .startsWith("node-b failed after barrier 'start': java.lang.IllegalStateException: boom")
                .contains("node-a: cancelled")
                .contains("node-c: cancelled");
        assertThat(failure.rootRole()).contains("node-b");
        assertThat(failure.getCause()).hasToString("java.lang.IllegalStateException: boom");
        assertThat(failure.getCause().getStackTrace()[0].getClassName()).startsWith(FailureConformance.class.getName());
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aNodeThatFinishedWhileOthersWaitFailsTheBarrierAtOnce(Mode mode) {
        long started = System.nanoTime();
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b", "node-c")
                .barrierTimeout(Duration.ofSeconds(60))
                .run(node -> {
                    node.enterBarrier("start");
                    if (!node.role().equals("node-c")) {
                        node.enterBarrier("late");
                    }
                }));
        assertThat(failure.getMessage())
                .startsWith("Barrier 'late' failed: node-c finished its body")
                .contains("node-c (finished its body)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void runTimeoutReportsTheStuckNodeWithItsStack(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b")
                .timeout(Duration.ofSeconds(2))
                .run(node -> {
                    if (node.role().equals("node-b")) {
                        Waits.untilInterrupted();
                    }
                }));
        assertThat(failure.getMessage())
                .startsWith("Run timed out after 2000 ms; still running: node-b (running its body before the first barrier)")
                .contains("Stack of node-b:")
                .contains("Waits.untilInterrupted")
                .contains(FailureConformance.class.getName());
        assertThat(failure.rootRole()).contains("node-b");
    }
}
