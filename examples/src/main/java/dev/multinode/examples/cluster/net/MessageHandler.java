package dev.multinode.examples.cluster.net;

import dev.multinode.examples.cluster.codec.Message;

/**
 * Handles one type of message, on the node's cluster scheduler.
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface MessageHandler<M extends Message> {

    /**
     * @param fromRole the sender
     * @param message  the message
     */
    void onMessage(String fromRole, M message);
}
