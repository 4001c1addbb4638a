package dev.multinode.examples.cluster.routing;

import java.util.concurrent.CompletableFuture;

/**
 * A request held while its target has no reachable home, with the future of the tell that sent it.
 *
 * @param request the request
 * @param sent    completes when the request leaves this node; null for requests forwarded from elsewhere
 */
public record Waiting(Request request, CompletableFuture<Void> sent) {

    /** Marks the request as gone on its way. */
    public void markSent() {
        if (sent != null) {
            sent.complete(null);
        }
    }

    /**
     * Gives up on the request: the tell's future and the ask's reply fail with {@code cause}.
     *
     * @param requests this node's request correlation
     * @param cause    why
     */
    public void fail(Requests requests, RuntimeException cause) {
        if (sent != null) {
            sent.completeExceptionally(cause);
        }
        requests.fail(request, cause);
    }
}
