package dev.multinode.examples.cluster.routing;

/** Handles the messages routed to one target, an entity or a singleton, on the node it lives on. */
@FunctionalInterface
public interface Receiver {

    /**
     * Handles one message, on the cluster scheduler; must not block.
     *
     * @param message the message
     * @return the reply to an ask (ignored for a tell); null makes the ask fail
     */
    String onMessage(String message);
}
