package dev.multinode;

/**
 * Hears the link faults that come into force on a node, to mirror them into a system under test's
 * own fault seam. Registered with {@link Node#onFault}.
 */
@FunctionalInterface
public interface FaultListener {

    /**
     * Called on the node's receiver thread once the fault is in force on this node, before the
     * {@link Faults} call that caused it returns.
     *
     * @param event the fault
     */
    void onFault(FaultEvent event);
}
