package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.BarrierFailedException;
import dev.multinode.MultiNodeFailure;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.NodeBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node waiting at a barrier that fails learns why: its {@code enterBarrier} throws a
 * {@link BarrierFailedException} naming the barrier, who arrived and who is missing. The waiting
 * nodes print what they caught to their own log, which is how the test sees it in every mode.
 * The run still reports one root cause, and the waiting nodes as cancelled by it.
 */
public interface BarrierFailureConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void theNodesWaitingAtATimedOutBarrierAreToldWhoArrivedAndWhoDidNot(Mode mode) throws IOException {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b", "node-c")
                .barrierTimeout(Duration.ofSeconds(1))
                .run(node -> {
                    node.enterBarrier("start");
                    if (node.role().equals("node-c")) {
                        Waits.untilInterrupted(); // never enters "together"; the abort interrupts it
                    }
                    enterAndReport(node, "together");
                }));
        String explanation = "Barrier 'together' failed: timed out after 1000 ms; arrived: [node-a, node-b]; "
                + "missing: node-c (running its body after barrier 'start')";
        assertLeadsWithOneRootCause(failure, explanation, "node-a", "node-b");
        assertCaught(failure, "node-a", explanation);
        assertCaught(failure, "node-b", explanation);
    }

    /**
     * Two nodes, so that the waiting node is told whichever comes first: node-b finishing while
     * node-a waits, or node-a entering after node-b finished.
     *
     * @param mode the case's transport and launch mode
     */
    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void theNodeWaitingForANodeThatFinishedIsToldSo(Mode mode) throws IOException {
        MultiNodeFailure failure = failTwoNodes(mode, node -> {
            node.enterBarrier("start");
            if (node.role().equals("node-a")) {
                enterAndReport(node, "late");
            }
        });
        String explanation = "Barrier 'late' failed: node-b finished its body ";
        assertLeadsWithOneRootCause(failure, explanation, "node-a");
        assertCaught(failure, "node-a", explanation);
        assertThat(caughtBy(failure, "node-a")).endsWith("arrived: [node-a]; missing: node-b (finished its body)");
    }

    /**
     * node-b dies once node-a told it that it is entering the barrier: a crash, not a fault, so
     * process modes only.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("processModes")
    default void theNodeWaitingForANodeThatDiedIsToldSoButTheDeathIsTheRootCause(Mode mode) throws IOException {
        MultiNodeFailure failure = failTwoNodes(mode, node -> {
            MultiNodeProbe entering = node.probe("entering");
            node.enterBarrier("start");
            if (node.role().equals("node-b")) {
                entering.expectMessage("node-a", Duration.ofSeconds(20));
                Runtime.getRuntime().halt(3);
            }
            node.tell(node.probeRef("node-b", "entering"), "node-a");
            enterAndReport(node, "together");
        });
        assertLeadsWithOneRootCause(failure, "node-b died with exit code 3", "node-a");
        assertCaught(failure, "node-a", "Barrier 'together' failed: node-b died while [node-a] wait at barrier 'together';"
                + " arrived: [node-a]; missing: node-b (node-b died with exit code 3");
    }

    /** Runs a body on node-a and node-b whose barriers do not time out by themselves, and expects it to fail. */
    private static MultiNodeFailure failTwoNodes(Mode mode, NodeBody body) {
        return assertThrows(MultiNodeFailure.class,
                () -> mode.spec("node-a", "node-b").barrierTimeout(Duration.ofSeconds(60)).run(body));
    }

    /** Prints what the barrier threw, to the node's own log, and lets it end the body. */
    private static void enterAndReport(Node node, String barrier) {
        try {
            node.enterBarrier(barrier);
        } catch (BarrierFailedException e) {
            System.out.println(caughtPrefix() + e.getMessage().replace('\n', ' '));
            throw e;
        }
    }

    /** The root cause leads; the waiting nodes follow as cancelled by it, none as a failure of its own. */
    private static void assertLeadsWithOneRootCause(MultiNodeFailure failure, String rootCause, String... waiting) {
        assertThat(failure.getMessage()).startsWith(rootCause);
        String others = failure.getMessage().substring(failure.getMessage().indexOf("\nOther nodes:"));
        assertThat(others).doesNotContain(": failed").contains("(because of the root cause)");
        for (String role : waiting) {
            assertThat(others).contains("\n  " + role + ": cancelled");
        }
    }

    private static void assertCaught(MultiNodeFailure failure, String role, String explanation) throws IOException {
        assertThat(caughtBy(failure, role)).as(role + " caught").startsWith(explanation);
    }

    /** @return what the node's {@code enterBarrier} threw, as it printed it */
    private static String caughtBy(MultiNodeFailure failure, String role) throws IOException {
        Path log = failure.runDirectory().orElseThrow().resolve(role + ".log");
        return Files.readAllLines(log).stream().filter(line -> line.contains(caughtPrefix())).findFirst()
                .map(line -> line.substring(line.indexOf(caughtPrefix()) + caughtPrefix().length()))
                .orElseThrow(() -> new AssertionError(role + " caught no BarrierFailedException; its log: " + log));
    }

    /** @return how a waiting node prints what its barrier threw, for the test to find in its log */
    private static String caughtPrefix() {
        return "caught BarrierFailedException: ";
    }
}
