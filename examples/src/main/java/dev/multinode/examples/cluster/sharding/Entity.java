package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.routing.Receiver;

/**
 * One sharded entity's instance: created on its shard's home when first addressed there, fed its
 * messages one at a time on the cluster scheduler.
 */
public interface Entity extends Receiver {

    /** Called when the instance stops here (its shard moved away or the node stops); must not block. */
    default void onStop() {
    }
}
