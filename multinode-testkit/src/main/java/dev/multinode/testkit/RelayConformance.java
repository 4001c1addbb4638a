package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.Direction;
import dev.multinode.FaultEvent;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults on the system under test's own sockets: the fault cases of {@link FaultConformance} over
 * plain {@code java.net} connections through the nodes' relays, to an {@link EchoSystem}.
 */
public interface RelayConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void blackholeHoldsOneDirectionOfAConnectionAndPassThroughDeliversWhatWasHeld(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe heard = node.probe(EchoSystem.HEARD);
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (EchoConnection toB = EchoConnection.greeted(node, "node-b")) {
                    node.faults().blackhole("node-a", "node-b", Direction.RECEIVE);
                    toB.send("two");                 // reaches node-b, whose answer is held
                    toB.expectNothing();
                    node.faults().passThrough("node-a", "node-b", Direction.RECEIVE);
                    toB.expectLine("two from node-b");
                    node.faults().blackhole("node-a", "node-b", Direction.SEND);
                    toB.send("three");               // held on the way
                    toB.expectNothing();
                    node.faults().passThrough("node-a", "node-b", Direction.SEND);
                    toB.expectLine("three from node-b");
                }
            });
            node.runOn("node-b", () -> assertThat(heard.receiveN(3, Waits.MESSAGE)).containsExactly("one", "two", "three"));
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aBlackholeAtTheReceiverHoldsTheConnectionsTheSenderOpened(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (EchoConnection toB = EchoConnection.greeted(node, "node-b")) {
                    // enforced at node-b for frames; node-a's relay carries this connection, and must obey it too
                    node.faults().blackhole("node-b", "node-a", Direction.BOTH);
                    toB.send("two");
                    toB.expectNothing();
                    node.faults().heal();
                    toB.expectLine("two from node-b");
                }
            });
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void partitionHoldsEveryCrossingConnectionAndHealDeliversInOrder(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            PartitionedEcho.run(node, other -> node.address(other, EchoSystem.ENDPOINT));
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void delayShiftsEachChunkByAtLeastTheDelayInOrder(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (EchoConnection toB = EchoConnection.open(node.address("node-b", EchoSystem.ENDPOINT), "node-a to node-b")) {
                    toB.send("warm");
                    toB.expectLine("warm from node-b");
                    node.faults().delay("node-a", "node-b", Duration.ofMillis(300));
                    long start = System.nanoTime();
                    for (int i = 0; i < 5; i++) {
                        toB.send("line " + i);
                    }
                    for (int i = 0; i < 5; i++) {
                        toB.expectLine("line " + i + " from node-b");
                    }
                    long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    // five lines shifted together, not one after another
                    assertThat(tookMillis).as("five delayed lines' round trip, ms").isBetween(300L, 1_500L - 1);
                }
            });
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void bandwidthPacesTheSendersBytes(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe heard = node.probe(EchoSystem.HEARD);
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                node.faults().bandwidth("node-a", "node-b", 100_000);
                // open until the run ends: closing it with echoes unread would reset what is still paced
                EchoConnection toB = node.closeOnStop(EchoConnection.open(node.address("node-b", EchoSystem.ENDPOINT),
                        "node-a to node-b"));
                OutputStream out = toB.output();
                byte[] line = new byte[1000];
                Arrays.fill(line, (byte) 'x');
                line[line.length - 1] = '\n';
                node.tell(node.probeRef("node-b", "written"), System.currentTimeMillis());
                for (int i = 0; i < 50; i++) {
                    out.write(line);
                }
                out.flush();
            });
            node.runOn("node-b", () -> {
                long start = node.probe("written").expectMessage(Long.class, Waits.MESSAGE);
                heard.receiveN(50, Waits.MANY);
                // 50 kB at 100 kB/s take half a second, less the limiter's burst
                assertThat(System.currentTimeMillis() - start).as("50 kB at 100 kB/s, ms").isGreaterThan(300);
            });
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void disconnectResetsTheLinksConnectionsAndAllowsNewOnes(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (EchoConnection first = EchoConnection.greeted(node, "node-b")) {
                    node.faults().disconnect("node-a", "node-b");
                    first.expectEnd();
                }
                try (EchoConnection second = EchoConnection.open(node.address("node-b", EchoSystem.ENDPOINT), "node-a to node-b again")) {
                    second.send("two");
                    second.expectLine("two from node-b");
                }
            });
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aKilledNodesConnectionsEndAndNewOnesAreRefusedAtOnce(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (EchoConnection toB = EchoConnection.greeted(node, "node-b")) {
                    node.faults().kill("node-b");
                    toB.expectEnd();
                }
                long start = System.nanoTime();
                try (EchoConnection again = EchoConnection.open(node.address("node-b", EchoSystem.ENDPOINT), "node-a to dead node-b")) {
                    again.expectEnd();   // the relay accepts, finds no target, and closes at once
                } catch (IOException refused) {
                    // or the connect itself fails: either way at once
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Waits.MESSAGE.dividedBy(2));
            });
            node.runOn("node-b", Waits::untilInterrupted); // the kill interrupts it
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void dropIsRefusedOnARelayedLinkAndFaultListenersHearFaultsBeforeTheCallReturns(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            List<FaultEvent> events = new CopyOnWriteArrayList<>();
            node.onFault(events::add);
            EchoSystem.start(node);
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                node.closeOnStop(EchoConnection.open(node.address("node-b", EchoSystem.ENDPOINT), "node-a to node-b"));
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> node.faults().drop("node-a", "node-b", 0.5));
                assertThat(refused).hasMessageContaining("relayed").hasMessageContaining("byte stream");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().bandwidth("node-a", "node-b", 0)))
                        .hasMessageStartingWith("bandwidth(node-a, node-b, 0): the limit must be a positive number");
                node.faults().blackhole("node-a", "node-b", Direction.SEND);
                assertThat(events).containsExactly(new FaultEvent(FaultEvent.Kind.BLACKHOLE, "node-a", "node-b",
                        Direction.SEND, true, Duration.ZERO, 0, 0));
                node.faults().heal();
                assertThat(events).last().extracting(FaultEvent::kind, FaultEvent::inForce)
                        .containsExactly(FaultEvent.Kind.HEAL, false);
            });
            node.enterBarrier("done");
        });
    }

    /**
     * A system that advertises one address of its own to all its peers reaches them through their
     * shared relays, which tell the nodes apart and obey faults; in thread launch they cannot, and
     * say so.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void sharedAddressesObeyFaultsWhereNodesAreProcessesAndAreRefusedInThreads(Mode mode) {
        boolean oneProcess = mode.launch() == LaunchMode.THREAD;
        mode.spec("node-a", "node-b", "node-c").run(node -> {
            EchoSystem.start(node);
            node.enterBarrier("serving");
            if (oneProcess) {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> node.sharedAddress("node-a", EchoSystem.ENDPOINT));
                assertThat(refused).hasMessageContaining("one process").hasMessageContaining("launch=process");
                node.enterBarrier("done");
                return;
            }
            // the system tells all its peers one address of its own, as a gossip protocol does
            Map<String, String> canonical = node.exchange("canonical",
                    SocketAddresses.format(node.sharedAddress(node.role(), EchoSystem.ENDPOINT)));
            PartitionedEcho.run(node, other -> SocketAddresses.parse(canonical.get(other)));
        });
    }
}
