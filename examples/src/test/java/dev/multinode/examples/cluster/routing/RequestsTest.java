package dev.multinode.examples.cluster.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.ClusterProtocol;
import dev.multinode.examples.cluster.net.Messaging;
import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request and reply between two nodes: "a" asks, "b" answers. */
class RequestsTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final VirtualWorld world = new VirtualWorld("a", "b");
    private Requests a;
    private Requests b;

    @BeforeEach
    void wire() {
        a = requests("a");
        b = requests("b");
    }

    private Requests requests(String role) {
        Messaging messaging = new Messaging(world.network(role), ClusterProtocol.codec());
        Requests requests = new Requests(messaging);
        messaging.start();
        return requests;
    }

    /** Creates the request on a's scheduler, where requests live, then hands it to b as if routed there. */
    private CompletableFuture<String> askB(RequestKind kind, String message, Receiver receiver, Duration timeout) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        world.network("a").scheduler().execute(() -> {
            Request request = a.expect("target-1", kind, message, timeout, reply);
            world.network("b").scheduler().execute(() -> b.answer(request, "b", () -> receiver));
        });
        return reply;
    }

    @Test
    void anAskGetsTheReceiversReply() {
        assertEquals("HELLO", world.await(askB(RequestKind.ASK, "hello", String::toUpperCase, LIMIT), LIMIT));
    }

    @Test
    void aWhereQueryGetsTheHomeWithoutBotheringTheReceiver() {
        Receiver untouchable = m -> {
            throw new AssertionError("the receiver must not handle a where-query");
        };
        assertEquals("b", world.await(askB(RequestKind.WHERE, "", untouchable, LIMIT), LIMIT));
    }

    @Test
    void aReceiverThatThrowsFailsTheAskRemotelyAndNamesTheCause() {
        Receiver failing = m -> {
            throw new IllegalArgumentException("bad input " + m);
        };
        Throwable failure = world.awaitFailure(askB(RequestKind.ASK, "x", failing, LIMIT), LIMIT);
        assertInstanceOf(RemoteFailureException.class, failure);
        String text = failure.getMessage();
        assertTrue(text.contains("target-1 failed on b") && text.contains("bad input x"), text);
    }

    @Test
    void aNullReplyFailsTheAsk() {
        Throwable failure = world.awaitFailure(askB(RequestKind.ASK, "x", m -> null, LIMIT), LIMIT);
        assertEquals("target-1 gave no reply to an ask", failure.getMessage());
    }

    @Test
    void anAskWithoutReplyTimesOutAfterItsTimeout() {
        world.blackhole("a", "b");
        CompletableFuture<String> reply = askB(RequestKind.ASK, "x", m -> "late", Duration.ofMillis(300));
        Throwable failure = world.awaitFailure(reply, LIMIT);
        assertInstanceOf(TimeoutException.class, failure);
        assertEquals("no reply to ASK for target-1 within 300 ms", failure.getMessage());
        assertEquals(300, world.elapsed().toMillis());
    }

    @Test
    void aLocalFailureFailsTheFutureWithTheCauseItself() {
        CompletableFuture<String> reply = new CompletableFuture<>();
        BufferFullException cause = new BufferFullException("entity x", 5);
        world.network("a").scheduler().execute(() -> a.fail(a.expect("x", RequestKind.ASK, "m", LIMIT, reply), cause));
        assertSame(cause, world.awaitFailure(reply, LIMIT));
    }

    @Test
    void stoppingFailsEveryPendingAsk() {
        world.blackhole("a", "b");
        CompletableFuture<String> reply = askB(RequestKind.ASK, "x", m -> "y", LIMIT);
        world.advance(Duration.ofMillis(10));
        world.network("a").scheduler().execute(a::stop);
        assertEquals("the cluster stopped on a", world.awaitFailure(reply, LIMIT).getMessage());
    }
}
