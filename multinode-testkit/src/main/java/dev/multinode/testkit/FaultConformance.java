package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.Direction;
import dev.multinode.MultiNodeFailure;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.spi.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Faults behave the same on every transport and launch mode. */
public interface FaultConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void killStopsTrafficBothWaysAndSurvivorsPassTheNextBarrier(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().kill("node-c"));
            node.runOn("node-c", Waits::untilInterrupted); // the kill interrupts it
            node.enterBarrier("after-kill");
            node.runOn("node-a", () -> node.tell(node.probeRef("node-c", "inbox"), "to the dead"));
            node.runOn("node-b", () -> node.tell(node.probeRef("node-a", "inbox"), "alive"));
            node.runOn("node-a", () -> inbox.expectMessage("alive", Waits.MESSAGE));
            node.enterBarrier("survivors-done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void blackholeSendDropsOneDirectionOnly(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().blackhole("node-a", "node-b", Direction.SEND));
            node.enterBarrier("blackholed");
            sendToOther(node, "while-blackholed");
            node.runOn("node-a", () -> inbox.expectMessage("while-blackholed from node-b", Waits.MESSAGE));
            node.runOn("node-b", () -> inbox.expectNoMessage(Waits.QUIET));
            node.enterBarrier("checked");
            node.runOn("node-b", () -> node.faults().passThrough("node-a", "node-b", Direction.SEND));
            node.enterBarrier("healed");
            sendToOther(node, "after-heal");
            inbox.expectMessage("after-heal from " + other(node), Waits.MESSAGE);
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void blackholeReceiveAndBothDropTheNamedDirections(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().blackhole("node-a", "node-b", Direction.RECEIVE));
            node.enterBarrier("receive-blackholed");
            sendToOther(node, "one");
            node.runOn("node-b", () -> inbox.expectMessage("one from node-a", Waits.MESSAGE));
            node.runOn("node-a", () -> inbox.expectNoMessage(Waits.QUIET));
            node.enterBarrier("checked-receive");
            node.runOn("node-a", () -> node.faults().blackhole("node-a", "node-b", Direction.BOTH));
            node.enterBarrier("both-blackholed");
            sendToOther(node, "two");
            inbox.expectNoMessage(Waits.QUIET);
            node.enterBarrier("checked-both");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void partitionSeparatesSidesBarriersStillWorkAndHealRestores(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("up");
            node.runOn("node-c", () -> node.faults().partition(Set.of("node-a"), Set.of("node-b", "node-c")));
            node.enterBarrier("partitioned");
            for (String role : node.roles()) {
                node.tell(node.probeRef(role, "inbox"), "partitioned from " + node.role());
            }
            node.runOn("node-a", () -> {
                inbox.expectMessage("partitioned from node-a", Waits.MESSAGE);
                inbox.expectNoMessage(Waits.QUIET);
            });
            node.runOn(Set.of("node-b", "node-c"), () -> assertEquals(2, inbox.receiveN(2, Waits.MESSAGE).size()));
            node.runOn(Set.of("node-b", "node-c"), () -> inbox.expectNoMessage(Waits.QUIET));
            node.enterBarrier("checked-partition");
            node.runOn("node-a", () -> node.faults().heal());
            node.enterBarrier("healed");
            node.runOn("node-b", () -> node.tell(node.probeRef("node-a", "inbox"), "healed"));
            node.runOn("node-a", () -> inbox.expectMessage("healed", Waits.MESSAGE));
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void delayShiftsDeliveryByAtLeastTheDelay(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().delay("node-a", "node-b", Duration.ofMillis(300)));
            node.enterBarrier("delayed");
            node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), trueMillis()));
            node.runOn("node-b", () -> {
                long sentAt = inbox.expectMessage(Long.class, Waits.MESSAGE);
                assertThat(trueMillis() - sentAt).isGreaterThanOrEqualTo(300);
            });
            node.enterBarrier("done");
        });
    }

    /**
     * @param mode the case's transport and launch mode
     * @throws IOException if the file the receiver writes cannot be read
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void dropLandsWithinStatisticalBoundsAndRepeatsWithTheSameSeed(Mode mode) throws IOException {
        List<Integer> first = receivedUnderDrop(mode, 42L);
        List<Integer> second = receivedUnderDrop(mode, 42L);
        // 10,000 frames at p = 0.3: 7,000 expected; 5 standard deviations (about 230) either way.
        assertThat(first.size()).isBetween(6_770, 7_230);
        assertEquals(first, second, "the same seed must drop the same frames");
    }

    /**
     * Sends 10,000 numbered frames under a 30 % drop and returns the numbers that arrived. The
     * receiver writes them to a file because nodes may live in other JVMs.
     */
    private static List<Integer> receivedUnderDrop(Mode mode, long seed) throws IOException {
        Path file = Files.createTempFile("multinode-drops", ".txt");
        String path = file.toString();
        try {
            mode.spec("node-a", "node-b").seed(seed).run(node -> {
                MultiNodeProbe inbox = node.probe("inbox");
                node.enterBarrier("up");
                node.runOn("node-a", () -> {
                    node.faults().drop("node-a", "node-b", 0.3);
                    for (int i = 0; i < 10_000; i++) {
                        node.tell(node.probeRef("node-b", "inbox"), i);
                    }
                    node.faults().drop("node-a", "node-b", 0);
                    node.tell(node.probeRef("node-b", "inbox"), -1);
                });
                node.runOn("node-b", () -> {
                    List<String> numbers = new ArrayList<>();
                    for (int number = inbox.expectMessage(Integer.class, Waits.MESSAGE); number >= 0;
                         number = inbox.expectMessage(Integer.class, Waits.MESSAGE)) {
                        numbers.add(Integer.toString(number));
                    }
                    Files.write(Path.of(path), numbers);
                });
                node.enterBarrier("done");
            });
            return Files.readAllLines(file).stream().map(Integer::valueOf).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void badFaultArgumentsAreClearErrorsAtTheCaller(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            node.enterBarrier("up");
            node.runOn("node-a", () -> {
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().kill("node-z")))
                        .hasMessage("Unknown role 'node-z': the roles of this run are [node-a, node-b]");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().drop("node-a", "node-b", 1.5)))
                        .hasMessageContaining("the probability must be between 0 and 1");
                assertThat(assertThrows(IllegalArgumentException.class,
                        () -> node.faults().delay("node-a", "node-b", Duration.ofMillis(-1))))
                        .hasMessageContaining("the delay must be zero or positive");
                node.faults().kill("node-b");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().kill("node-b")))
                        .hasMessageContaining("node-b is already killed");
            });
            node.runOn("node-b", Waits::untilInterrupted);
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void skewAndDriftChangeOnlyTheNamedNodesClock(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            assertSame(node.clock(), node.clock());
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().skewClock("node-b", Duration.ofHours(1)));
            node.enterBarrier("skewed");
            long aheadMillis = node.isRole("node-b") ? Duration.ofHours(1).toMillis() : 0;
            assertThat(node.clock().millis() - trueMillis())
                    .as("how far %s's clock is ahead, in ms", node.role()).isCloseTo(aheadMillis, within(2_000L));
            node.enterBarrier("checked-skew");
            node.runOn("node-a", () -> node.faults().driftClock("node-b", 2.0));
            node.enterBarrier("drifting");
            double rate = node.isRole("node-b") ? 2.0 : 1.0;
            assertThat(rateAgainstTrueTime(node.clock()::nanoTime)).as("the rate of %s's nanoTime", node.role())
                    .isBetween(rate * 0.8, rate * 1.2);
            assertThat(rateAgainstTrueTime(() -> node.clock().millis() * 1_000_000))
                    .as("the rate of %s's millis", node.role()).isBetween(rate * 0.8, rate * 1.2);
            node.enterBarrier("checked-drift");
        });
    }

    /**
     * Measures how fast a reading in nanoseconds advances against the run's monotonic time over
     * 200 ms of it. It parks through the run's scheduler, so that a simulation's virtual time
     * passes; a park may overshoot, so both ends are read together right after it.
     *
     * @param readingNanos the reading, in nanoseconds
     * @return how many nanoseconds it advanced per true nanosecond
     */
    private static double rateAgainstTrueTime(LongSupplier readingNanos) {
        Scheduler scheduler = Scheduler.current();
        long window = TimeUnit.MILLISECONDS.toNanos(200);
        long trueStart = scheduler.nanoTime();
        long start = readingNanos.getAsLong();
        long trueEnd;
        long end;
        do {
            scheduler.parkUntil(trueStart + window);
            trueEnd = scheduler.nanoTime();
            end = readingNanos.getAsLong();
        } while (trueEnd - trueStart < window);
        return (double) (end - start) / (trueEnd - trueStart);
    }

    /**
     * @return the run's wall time in milliseconds, which no clock fault changes: the system's in a
     *     real run, virtual in a simulation
     */
    private static long trueMillis() {
        return TimeUnit.NANOSECONDS.toMillis(Scheduler.current().epochNanos());
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void shutdownClosesResourcesAndLeavesTheBarrierSet(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe closed = node.probe("closed");
            node.closeOnStop(() -> node.tell(node.probeRef("node-a", "closed"), node.role() + " closed"));
            node.enterBarrier("up");
            node.runOn("node-a", () -> {
                node.faults().shutdown("node-b");
                closed.expectMessage("node-b closed", Waits.MESSAGE);
            });
            node.runOn("node-b", Waits::untilInterrupted);
            node.enterBarrier("without-b");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void anUnexpectedDeathIsStillAFailure(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b").run(node -> {
            node.runOn("node-b", () -> {
                throw new IllegalStateException("crash");
            });
            node.enterBarrier("never");
        }));
        assertThat(failure.rootRole()).contains("node-b");
    }

    private static void sendToOther(Node node, String text) {
        node.tell(node.probeRef(other(node), "inbox"), text + " from " + node.role());
    }

    private static String other(Node node) {
        return node.role().equals("node-a") ? "node-b" : "node-a";
    }
}
