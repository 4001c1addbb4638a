package dev.multinode.selftest.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code multinode.debug}: a node held at a breakpoint by a real debugger (JDI over the JDWP agent
 * the runner gave its JVM) for longer than the barrier timeout does not fail the run, while another
 * node waits for it at a barrier.
 */
class DebuggedNodeSelfTest {

    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HOLD = BARRIER_TIMEOUT.multipliedBy(3);
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    @Timeout(120)
    void aNodeHeldAtABreakpointLongerThanTheBarrierTimeoutDoesNotFailTheRun() throws Exception {
        int port = freeLoopbackPort();
        Duration held = debugging("node-b:" + port, () -> {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> MultiNode.spec("node-a", "node-b")
                    .transport("tcp").launch(LaunchMode.PROCESS).barrierTimeout(BARRIER_TIMEOUT)
                    .run(node -> {
                        node.enterBarrier("debugger-attached");
                        node.runOn("node-b", BreakpointSpot::reached);
                        long entered = System.nanoTime();
                        node.enterBarrier("past-the-breakpoint"); // node-a waits here while node-b is held
                        Duration waited = Duration.ofNanos(System.nanoTime() - entered);
                        node.runOn("node-a", () -> {
                            if (waited.compareTo(BARRIER_TIMEOUT.multipliedBy(2)) < 0) {
                                throw new AssertionError("node-a waited only " + waited.toMillis()
                                        + " ms at the barrier: the breakpoint did not hold node-b long enough to prove anything");
                            }
                        });
                    }));
            Duration heldFor = JdiBreakpoint.holdAtBreakpoint(port, HOLD, BOUND);
            run.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return heldFor;
        });
        assertThat(held).isGreaterThanOrEqualTo(HOLD);
    }

    /** In thread mode the debugger attaches to the test's JVM: the property alone changes nothing a passing run sees. */
    @Test
    @Timeout(60)
    void aThreadModeDebugRunPassesLikeAnyOther() throws Exception {
        debugging("node-b", () -> {
            MultiNode.spec("node-a", "node-b").launch(LaunchMode.THREAD).barrierTimeout(BARRIER_TIMEOUT).run(node -> {
                node.enterBarrier("up");
                node.enterBarrier("done");
            });
            return null;
        });
    }

    @Test
    void aDebugRoleThatIsNotInTheRunIsRefusedBeforeAnyNodeStarts() throws Exception {
        IllegalArgumentException refused = debugging("node-c", () -> assertThrows(IllegalArgumentException.class,
                () -> MultiNode.spec("node-a", "node-b").run(node -> { })));
        assertThat(refused).hasMessageStartingWith("Invalid multinode.debug 'node-c' (no role 'node-c' in this run): "
                + "accepted are <role> or <role>:<port> with a role of [node-a, node-b]");
    }

    /** Runs with {@code multinode.debug} set, and clears it after, so no other test of this JVM sees it. */
    private static <T> T debugging(String value, Callable<T> test) throws Exception {
        System.setProperty("multinode.debug", value);
        try {
            return test.call();
        } finally {
            System.clearProperty("multinode.debug");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
