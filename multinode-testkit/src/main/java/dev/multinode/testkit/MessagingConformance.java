package dev.multinode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNodeFailure;
import dev.multinode.MultiNodeProbe;
import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes and raw frames reach the right node, and only it. */
public interface MessagingConformance extends ConformanceSuite {

    /** An allowed message type. */
    enum Color {
        /** Sent by a spec that does not allow the type, to be refused. */
        RED,
        /** Sent inside {@link Greeting}. */
        GREEN
    }

    /**
     * An allowed record message, nesting other supported types.
     *
     * @param text    a string
     * @param count   a number
     * @param color   an enum
     * @param replyTo a probe address
     * @param bytes   raw bytes
     */
    record Greeting(String text, int count, Color color, ProbeRef replyTo, byte[] bytes) {
    }


    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void probeMessagesCrossNodesAndRepliesFindTheirWayBack(Mode mode) {
        mode.spec("node-a", "node-b", "node-c").allow(Greeting.class, Color.class).run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("probes-ready");
            node.runOn("node-a", () -> node.tell(node.probeRef("node-c", "inbox"),
                    new Greeting("hello", 3, Color.GREEN, inbox.ref(), new byte[] {1, 2, 3})));
            node.runOn("node-c", () -> {
                Greeting greeting = inbox.expectMessage(Greeting.class, Waits.MESSAGE);
                assertEquals("hello", greeting.text());
                assertEquals(Color.GREEN, greeting.color());
                assertThat(greeting.bytes()).containsExactly(1, 2, 3);
                node.tell(greeting.replyTo(), List.of("reply", 42L, true));
            });
            node.runOn("node-a", () -> inbox.expectMessage(List.of("reply", 42L, true), Waits.MESSAGE));
            node.runOn("node-b", () -> inbox.expectNoMessage(Duration.ofMillis(200)));
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void expectNoMessageFailsWhenOneArrives(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe inbox = node.probe("inbox");
            node.enterBarrier("ready");
            node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), "surprise"));
            node.runOn("node-b", () -> inbox.expectNoMessage(Waits.MESSAGE));
            node.enterBarrier("done");
        }));
        assertThat(failure.getMessage()).startsWith("node-b failed after barrier 'ready'")
                .contains("expected no message for 10000 ms but received surprise (String)");
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void rawFramesReachTheHandlerOfTheAddressedRole(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> {
            MultiNodeProbe frames = node.probe("frames");
            node.onReceive((from, frame) -> {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                node.tell(frames.ref(), from + ":" + new String(bytes, StandardCharsets.UTF_8));
            });
            node.enterBarrier("handlers-set");
            node.runOn("node-a", () -> {
                node.send("node-b", "one".getBytes(StandardCharsets.UTF_8));
                node.send("node-b", ByteBuffer.wrap("two".getBytes(StandardCharsets.UTF_8)));
            });
            node.runOn("node-b", () -> assertEquals(List.of("node-a:one", "node-a:two"), frames.receiveN(2, Waits.MESSAGE)));
            node.runOn("node-a", () -> frames.expectNoMessage(Duration.ofMillis(100)));
            node.enterBarrier("done");
        });
    }

    /** @param mode the case's transport and launch mode */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    default void aMessageOfATypeTheSpecDidNotAllowIsRefusedAtTheSender(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b").run(node ->
                node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), Color.RED))));
        assertThat(failure.getMessage()).contains("node-a failed")
                .contains(Color.class.getName() + " is not allowed in probe messages");
    }
}
