package dev.multinode.examples.cluster.singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches a named singleton wherever it runs, from any node and thread. While the singleton moves
 * (its old host unreachable or down, the new one not yet started), messages wait in a bounded buffer.
 */
public final class SingletonProxy {

    private final String name;
    private final Singletons singletons;

    SingletonProxy(String name, Singletons singletons) {
        this.name = name;
        this.singletons = singletons;
    }

    /** @return the singleton's name */
    public String name() {
        return name;
    }

    /**
     * Sends a message, no reply wanted.
     *
     * @param message the message
     * @return completes when the message left this node (or was handled here); fails with
     *         {@link dev.multinode.examples.cluster.routing.BufferFullException} if it could not wait
     */
    public CompletableFuture<Void> tell(String message) {
        return singletons.tell(name, message);
    }

    /**
     * Sends a message and waits for the singleton's reply.
     *
     * @param message the message
     * @param timeout how long to wait for the reply
     * @return the reply; fails with a {@link java.util.concurrent.TimeoutException} if none came in time
     */
    public CompletableFuture<String> ask(String message, Duration timeout) {
        return singletons.ask(name, message, timeout);
    }

    /**
     * Asks the singleton where it runs.
     *
     * @param timeout how long to wait for the answer
     * @return the role of its host
     */
    public CompletableFuture<String> whereIs(Duration timeout) {
        return singletons.whereIs(name, timeout);
    }
}
