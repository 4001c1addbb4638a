package dev.multinode.examples.cluster.routing;

import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Both ends of request and reply: the origin side creates requests and completes their futures when
 * the {@link Reply} arrives or the timeout passes; the home side answers a request with its target's
 * reply, its own role (for a where-query) or a failure. Runs on the cluster scheduler.
 */
public final class Requests {

    private final Messaging messaging;
    private final String self;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long lastId;

    /**
     * @param messaging this node's messaging
     */
    public Requests(Messaging messaging) {
        this.messaging = messaging;
        this.self = messaging.self();
        messaging.handle(Reply.class, (from, reply) -> onReply(reply));
    }

    /**
     * @param target  the entity id or singleton name
     * @param message the payload
     * @return a request that wants no reply
     */
    public Request tell(String target, String message) {
        return new Request(target, RequestKind.TELL, 0, self, 0, message);
    }

    /**
     * Creates a request whose reply completes {@code future}.
     *
     * @param target  the entity id or singleton name
     * @param kind    {@link RequestKind#ASK} or {@link RequestKind#WHERE}
     * @param message the payload
     * @param timeout how long to wait for the reply before failing the future with a {@link TimeoutException}
     * @param future  the future to complete
     * @return the request to route
     */
    public Request expect(String target, RequestKind kind, String message, Duration timeout,
                          CompletableFuture<String> future) {
        long id = ++lastId;
        Cancellable timer = messaging.scheduler().schedule(timeout, () -> {
            Pending expired = pending.remove(id);
            if (expired != null) {
                expired.future.completeExceptionally(new TimeoutException("no reply to " + kind + " for " + target
                        + " within " + timeout.toMillis() + " ms"));
            }
        });
        pending.put(id, new Pending(future, timer));
        return new Request(target, kind, id, self, 0, message);
    }

    /**
     * Answers a request that reached its target's home. A receiver that throws fails the request
     * (and the ask), never the node.
     *
     * @param request  the request
     * @param home     this node's role, the answer to a where-query
     * @param receiver gives the target, starting it if needed
     */
    public void answer(Request request, String home, Supplier<? extends Receiver> receiver) {
        try {
            Receiver target = receiver.get();
            switch (request.kind()) {
                case TELL -> target.onMessage(request.message());
                case ASK -> {
                    String reply = target.onMessage(request.message());
                    if (reply == null) {
                        fail(request, new IllegalStateException(request.target() + " gave no reply to an ask"));
                    } else {
                        messaging.send(request.origin(), new Reply(request.correlationId(), false, reply));
                    }
                }
                case WHERE -> messaging.send(request.origin(), new Reply(request.correlationId(), false, home));
            }
        } catch (RuntimeException e) {
            messaging.log().warn("{} failed on {} {}: {}", request.target(), request.kind(), request.message(),
                    e.toString());
            fail(request, new IllegalStateException(request.target() + " failed on " + home + ": " + e, e));
        }
    }

    /**
     * Fails a request that cannot be handled. On the origin node the future fails with {@code cause}
     * itself; elsewhere the origin gets a {@link RemoteFailureException} with its message. A tell has
     * nobody waiting, so nothing is sent.
     *
     * @param request the request
     * @param cause   why it failed
     */
    public void fail(Request request, RuntimeException cause) {
        if (request.kind() == RequestKind.TELL) {
            return;
        }
        if (request.origin().equals(self)) {
            Pending failed = pending.remove(request.correlationId());
            if (failed != null) {
                failed.timer.cancel();
                failed.future.completeExceptionally(cause);
            }
        } else {
            messaging.send(request.origin(), new Reply(request.correlationId(), true, cause.getMessage()));
        }
    }

    /** Fails every pending future: the cluster stopped on this node. */
    public void stop() {
        List<Pending> all = List.copyOf(pending.values());
        pending.clear();
        all.forEach(p -> {
            p.timer.cancel();
            p.future.completeExceptionally(new IllegalStateException("the cluster stopped on " + self));
        });
    }

    private void onReply(Reply reply) {
        Pending waiting = pending.remove(reply.correlationId());
        if (waiting == null) {
            messaging.log().debug("reply {} arrived after its ask timed out", reply.correlationId());
            return;
        }
        waiting.timer.cancel();
        if (reply.failed()) {
            waiting.future.completeExceptionally(new RemoteFailureException(reply.text()));
        } else {
            waiting.future.complete(reply.text());
        }
    }

    private record Pending(CompletableFuture<String> future, Cancellable timer) {
    }
}
