package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.Await;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.StopReason;
import dev.multinode.spi.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Restarts, pauses and stop reasons behave the same on every transport and launch mode. */
public interface LifecycleConformance extends ConformanceSuite {

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aRestartedNodeRunsTheBodyAgainAsItsNextIncarnationOnItsOwnData(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            Path lives = node.dataDir().resolve("lives.txt");
            node.runOn("node-b", () -> Files.writeString(lives, "incarnation " + node.incarnation() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().restart("node-b"));
            node.runOn("node-b", () -> {
                if (node.incarnation() == 0) {
                    Waits.untilInterrupted(); // the kill ends this life here
                }
                assertEquals(List.of("incarnation 0", "incarnation 1"), Files.readAllLines(lives));
            });
            node.enterBarrier("restarted");
            String other = node.isRole("node-a") ? "node-b" : "node-a";
            node.tell(node.probeRef(other, "inbox"), "from " + node.role() + " in incarnation " + node.incarnation());
            inbox.expectMessage("from " + other + " in incarnation " + (other.equals("node-b") ? 1 : 0), Waits.MESSAGE);
            node.enterBarrier("talked");
        });
    }

    /**
     * A node whose body already ended can be restarted too: its next incarnation runs the body again.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aNodeWhoseBodyEndedCanBeRestarted(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.runOn("node-b", () -> node.tell(node.probeRef("node-a", "inbox"), "life " + node.incarnation()));
            node.runOn("node-a", () -> {
                inbox.expectMessage("life 0", Waits.MESSAGE);
                node.faults().restart("node-b");
                inbox.expectMessage("life 1", Waits.MESSAGE);
            });
        });
    }

    /**
     * A victim whose resources take a while to close still confirms its kill: the interrupted body
     * must not release the node's endpoint while the receiver is closing them.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aKillWhoseResourcesCloseSlowlyIsStillConfirmed(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            node.closeOnStop(node.role(), (role, reason) -> {
                // a system that takes its time to stop, as real ones do; parked through the run's
                // scheduler, so that a simulation lets that time pass
                Scheduler scheduler = Scheduler.current();
                long busyUntil = scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (scheduler.nanoTime() - busyUntil < 0) {
                    scheduler.parkUntil(busyUntil);
                }
            });
            node.enterBarrier("registered");
            node.runOn("node-a", () -> node.faults().restart("node-b"));
            node.enterBarrier("restarted");
        });
    }

    /**
     * A kill in thread mode closes the victim's resources as killed before it returns; in process
     * mode the victim's JVM dies of SIGKILL and no closer runs. A shutdown closes them as shut down,
     * the end of the run as run ended.
     *
     * @param mode the case's transport and launch mode
     * @throws IOException if the closers' records cannot be read
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void closersLearnWhyTheirNodeStops(Mode mode) throws IOException {
        Path records = Files.createTempDirectory("multinode-stop-reasons");
        String folder = records.toString();
        boolean threads = mode.launch() == LaunchMode.THREAD;
        try {
            mode.spec("node-a", "node-b", "node-c").run(node -> {
                node.closeOnStop(Path.of(folder, node.role()), (file, reason) -> Files.writeString(file, reason.name()));
                node.enterBarrier("registered");
                node.runOn("node-a", () -> {
                    node.faults().kill("node-b");
                    Path killed = Path.of(folder, "node-b");
                    if (threads) {
                        assertEquals(StopReason.KILLED.name(), Files.readString(killed), "closed before kill returned");
                    } else {
                        assertThat(killed).as("a JVM killed with SIGKILL runs no closer").doesNotExist();
                    }
                    node.faults().shutdown("node-c");
                    assertEquals(StopReason.SHUT_DOWN.name(), Files.readString(Path.of(folder, "node-c")));
                });
                node.runOn(Set.of("node-b", "node-c"), Waits::untilInterrupted);
            });
            assertEquals(StopReason.RUN_ENDED.name(), Files.readString(records.resolve("node-a"), StandardCharsets.UTF_8));
        } finally {
            try (var files = Files.list(records)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(records);
        }
    }

    /**
     * While node-b is paused, a frame node-a sends it is not echoed and node-b's executor sends
     * nothing (a few frames on their way when the pause began may still arrive); after the resume
     * the echo comes and the ticks go on.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aPausedNodeReceivesAndSendsNothingUntilResumedThenCatchesUp(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            AtomicInteger ticks = new AtomicInteger();
            MultiNodeProbe echoes = node.probe("echoes");
            node.onReceive((from, frame) -> {
                byte kind = frame.get(frame.position());
                if (node.isRole("node-b")) {
                    node.send(from, new byte[] {'e'});
                } else if (kind == 't') {
                    ticks.incrementAndGet();
                } else {
                    node.tell(echoes.ref(), "echo");
                }
            });
            node.runOn("node-b", () -> node.executor().scheduleAtFixedRate(() -> node.send("node-a", new byte[] {'t'}),
                    0, 10, TimeUnit.MILLISECONDS));
            node.enterBarrier("ticking");
            node.runOn("node-a", () -> {
                Await.awaitAssert(() -> assertThat(ticks.get()).isGreaterThan(3), Waits.MESSAGE);
                node.faults().pause("node-b");
                node.send("node-b", new byte[] {'p'});
                int atPause = ticks.get();
                echoes.expectNoMessage(Waits.QUIET.multipliedBy(2));
                assertThat(ticks.get() - atPause).as("ticks while paused (a few may have been on their way)").isLessThan(5);
                node.faults().resume("node-b");
                echoes.expectMessage("echo", Waits.MESSAGE);
                int atResume = ticks.get();
                Await.awaitAssert(() -> assertThat(ticks.get()).isGreaterThan(atResume + 3), Waits.MESSAGE);
            });
            node.enterBarrier("resumed");
        });
    }

    /**
     * With paused nodes skipped, a barrier releases without the paused node, which passes it at
     * once after its resume.
     *
     * @param mode the case's transport and launch mode
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void barriersCanGoOnWithoutAPausedNode(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").barriersSkipPausedNodes().run(node -> {
            node.enterBarrier("up");
            node.runOn("node-a", () -> node.faults().pause("node-b"));
            node.enterBarrier("paused");
            node.runOn("node-a", () -> node.faults().resume("node-b"));
            node.enterBarrier("resumed");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void badLifecycleRequestsAreClearErrors(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            node.enterBarrier("up");
            node.runOn("node-a", () -> {
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().restart("node-a")))
                        .hasMessageContaining("restart(node-a) called by node-a itself");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().pause("node-a")))
                        .hasMessageContaining("pause(node-a) called by node-a itself");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().restart("node-z")))
                        .hasMessageContaining("Unknown role 'node-z'");
                assertThat(assertThrows(IllegalArgumentException.class,
                        () -> node.faults().restart("node-b", Duration.ofMillis(-1))))
                        .hasMessageContaining("the downtime must be zero or positive");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().resume("node-b")))
                        .hasMessageContaining("Cannot resume node-b: it is not paused but running its body");
                node.faults().pause("node-b");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().pause("node-b")))
                        .hasMessageContaining("Cannot pause node-b: it is paused");
                node.faults().kill("node-b");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().restart("node-b")))
                        .hasMessageContaining("node-b is already killed");
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().resume("node-b")))
                        .hasMessageContaining("node-b is already killed");
            });
            node.runOn("node-b", Waits::untilInterrupted);
        });
    }
}
