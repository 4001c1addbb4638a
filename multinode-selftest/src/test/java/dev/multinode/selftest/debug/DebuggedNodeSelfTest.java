package dev.multinode.selftest.debug;

import static dev.multinode.selftest.debug.HeldAtBreakpoint.HOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.testkit.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code multinode.debug}: a node held at a breakpoint by a real debugger (JDI over JDWP) for
 * longer than the barrier timeout does not fail the run, while another node waits for it at a
 * barrier ({@link HeldAtBreakpoint}), in process mode and in thread mode.
 */
class DebuggedNodeSelfTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    @Timeout(120)
    void aProcessNodeHeldAtABreakpointLongerThanTheBarrierTimeoutDoesNotFailTheRun() throws Exception {
        int port = freeLoopbackPort();
        Duration held = debugging("node-b:" + port, () -> {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> MultiNode.spec("node-a", "node-b")
                    .transport("tcp").launch(LaunchMode.PROCESS).barrierTimeout(HeldAtBreakpoint.BARRIER_TIMEOUT)
                    .run(HeldAtBreakpoint.body()));
            Duration heldFor = JdiBreakpoint.holdAtBreakpoint(port, HOLD, BOUND); // node-b's JVM has the runner's agent
            run.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return heldFor;
        });
        assertThat(held).isGreaterThanOrEqualTo(HOLD);
    }

    /** The whole test JVM, conductor included, is suspended at the breakpoint, as an IDE debugging a thread-mode spec does. */
    @Test
    @Timeout(120)
    void aThreadModeTestJvmHeldAtABreakpointLongerThanTheBarrierTimeoutDoesNotFailTheRun(@TempDir Path scratch)
            throws Exception {
        int port = freeLoopbackPort();
        List<String> flags = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port,
                "-Dmultinode.debug=node-b", "-Dmultinode.runDir=" + scratch.resolve("runs"));
        try (ChildJvm testJvm = ChildJvm.builder(ThreadModeDebugMain.class).flags(flags)
                .start(scratch.resolve("test-jvm.log"))) {
            Duration held = JdiBreakpoint.holdAtBreakpoint(port, HOLD, BOUND);
            int exitCode = testJvm.await(BOUND);
            assertEquals(0, exitCode, testJvm.output());
            assertThat(held).isGreaterThanOrEqualTo(HOLD);
        }
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
