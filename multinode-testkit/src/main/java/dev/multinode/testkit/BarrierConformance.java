package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.MultiNodeProbe;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Barriers order the steps of every node. */
public interface BarrierConformance extends ConformanceSuite {

    /**
     * What one node saw at one barrier: when it arrived and when it was let through.
     *
     * @param role      the node
     * @param step      the barrier's number
     * @param arrived   the run's monotonic time before entering
     * @param released  the run's monotonic time after passing
     */
    record Crossing(String role, int step, long arrived, long released) {
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void barriersOrderStepsAcrossThreeNodes(Mode mode) {
        assertBarriersOrderSteps(mode, 3);
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void barriersOrderStepsAcrossTenNodes(Mode mode) {
        assertBarriersOrderSteps(mode, 10);
    }

    /**
     * Every node records when it arrived at and left each barrier; the first node collects the
     * records. A barrier works if no node leaves it before the last node arrived.
     */
    private static void assertBarriersOrderSteps(Mode mode, int nodeCount) {
        int steps = 5;
        String[] roles = IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "node-" + i).toArray(String[]::new);
        String collector = roles[0];
        mode.spec(roles).allow(Crossing.class).run(node -> {
            MultiNodeProbe records = node.probe("records");
            node.enterBarrier("collector-ready");
            for (int step = 1; step <= steps; step++) {
                long arrived = Scheduler.current().nanoTime();
                node.enterBarrier("step-" + step);
                long released = Scheduler.current().nanoTime();
                node.tell(node.probeRef(collector, "records"), new Crossing(node.role(), step, arrived, released));
            }
            node.runOn(collector, () -> {
                List<Crossing> crossings = new ArrayList<>();
                for (Object record : records.receiveN(nodeCount * steps, Waits.MANY)) {
                    crossings.add((Crossing) record);
                }
                for (int step = 1; step <= steps; step++) {
                    int current = step;
                    List<Crossing> atStep = crossings.stream().filter(c -> c.step() == current).toList();
                    assertEquals(nodeCount, atStep.size(), "records of step " + step);
                    long lastArrival = atStep.stream().mapToLong(Crossing::arrived).max().orElseThrow();
                    long firstRelease = atStep.stream().mapToLong(Crossing::released).min().orElseThrow();
                    assertTrue(lastArrival <= firstRelease, "barrier step-" + step + " let a node through "
                            + (lastArrival - firstRelease) + " ns before the last node arrived: " + atStep);
                }
            });
            node.enterBarrier("checked");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void twoHundredBarriersInARow(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            MultiNodeProbe counts = node.probe("counts");
            for (int i = 0; i < 200; i++) {
                node.enterBarrier("round-" + i);
            }
            node.tell(node.probeRef("node-a", "counts"), node.role());
            node.runOn("node-a", () -> assertEquals(3, counts.receiveN(3, Waits.MANY).size()));
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void severalNamesAreEnteredInOrder(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            node.enterBarrier("first", "second", "third");
            node.enterBarrier(Duration.ofSeconds(5), "fourth");
        });
    }
}
