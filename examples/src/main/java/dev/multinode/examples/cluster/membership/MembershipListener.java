package dev.multinode.examples.cluster.membership;

/** Told of every change of this node's view, on the cluster scheduler, in order. */
@FunctionalInterface
public interface MembershipListener {

    /**
     * @param previous the view before the change
     * @param current  the view after it
     */
    void onChange(ClusterView previous, ClusterView current);
}
