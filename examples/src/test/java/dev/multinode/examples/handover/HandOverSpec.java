package dev.multinode.examples.handover;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A singleton's planned hand-over, in the example cluster's manner (one instance at a time; a host
 * gives its instance up before another starts one), with a bug planted on purpose in one variant.
 *
 * <p>The old host asks the coordinator to hand over ({@code HANDOVER}). The coordinator tells the new
 * host to get ready ({@code PREPARE}) and acknowledges to the old host ({@code ACK}), in that order.
 * On the acknowledgement the old host stops its instance and tells the new host ({@code STOPPED}); the
 * new host starts its instance on {@code STOPPED} and tells the old host ({@code STARTED}). An old host
 * that hears {@code STARTED} while its own instance still runs has seen two instances at once.
 *
 * <p>The planted bug ({@link Variant#STARTS_ON_PREPARE}): the new host starts on {@code PREPARE}, as
 * if "get ready" meant "the old host is done". Two instances then run whenever {@code STARTED}, two
 * hops from the coordinator (coordinator, new host, old host), overtakes {@code ACK}, one hop, sent
 * right after {@code PREPARE}. On a real transport the two hops almost never win: {@code ACK} leaves
 * microseconds after {@code PREPARE}, and the new host still has to be scheduled, handle the frame
 * and send. A simulated network draws each frame's latency, so the crossing comes up in a few seeds.
 */
public final class HandOverSpec {

    /** How the new host decides that it may start. */
    public enum Variant {
        /** Correct: on the old host's {@code STOPPED}. */
        STARTS_ON_STOPPED,
        /** The planted bug: already on the coordinator's {@code PREPARE}. */
        STARTS_ON_PREPARE
    }

    /** The message that says the bug showed. */
    public static final String TWO_INSTANCES = "two instances at once";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private HandOverSpec() {
    }

    /**
     * Runs the hand-over once.
     *
     * @param variant how the new host decides to start
     * @param options the run's options (transport, seed)
     */
    public static void run(Variant variant, UnaryOperator<SpecBuilder> options) {
        options.apply(MultiNode.spec("old-host", "coordinator", "new-host").name("hand-over-" + variant))
                .run(node -> body(node, variant));
    }

    private static void body(Node node, Variant variant) throws Exception {
        AtomicBoolean running = new AtomicBoolean(node.isRole("old-host"));
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        node.onReceive((from, frame) -> {
            String message = StandardCharsets.UTF_8.decode(frame).toString();
            switch (node.role() + " <- " + message) {
                case "coordinator <- HANDOVER" -> {
                    send(node, "new-host", "PREPARE");
                    send(node, from, "ACK");
                }
                case "old-host <- ACK" -> {
                    running.set(false);
                    send(node, "new-host", "STOPPED");
                }
                case "old-host <- STARTED" -> {
                    if (running.get()) {
                        handedOver.completeExceptionally(new AssertionError(TWO_INSTANCES
                                + ": new-host started its instance while old-host's still ran"));
                    } else {
                        handedOver.complete(null);
                    }
                }
                case "new-host <- PREPARE" -> {
                    if (variant == Variant.STARTS_ON_PREPARE) {
                        start(node, running, handedOver);
                    }
                }
                case "new-host <- STOPPED" -> {
                    if (variant == Variant.STARTS_ON_STOPPED) {
                        start(node, running, handedOver);
                    }
                }
                default -> handedOver.completeExceptionally(new AssertionError(node.role() + " did not expect " + message
                        + " from " + from));
            }
        });
        node.enterBarrier("listening");
        node.runOn("old-host", () -> send(node, "coordinator", "HANDOVER"));
        node.runOn(Set.of("old-host", "new-host"), () -> Await.result(handedOver, WAIT));
        node.enterBarrier("handed-over");
    }

    private static void start(Node node, AtomicBoolean running, CompletableFuture<Void> handedOver) {
        running.set(true);
        send(node, "old-host", "STARTED");
        handedOver.complete(null);
    }

    private static void send(Node node, String to, String message) {
        node.send(to, message.getBytes(StandardCharsets.UTF_8));
    }
}
