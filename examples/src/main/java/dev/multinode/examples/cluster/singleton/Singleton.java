package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.routing.Receiver;

/**
 * A user singleton's instance: it receives what proxies send, on the cluster scheduler of the node
 * it runs on.
 */
public interface Singleton extends Receiver {

    /** Called when the instance stops here (hand-over or the node stopping); must not block. */
    default void onStop() {
    }
}
