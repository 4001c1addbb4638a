package dev.multinode.examples.cluster.membership;

/**
 * Where a member is in its life in the cluster. A member moves from {@link #JOINING} to {@link #UP};
 * the failure detector moves it between {@link #UP} and {@link #UNREACHABLE}; an unreachable member is
 * eventually {@link #DOWN}, and the leader then {@link #REMOVED removes} it for good.
 */
public enum MemberStatus {
    /** Known to the cluster, not yet up. */
    JOINING,
    /** A full member. */
    UP,
    /** Silent longer than the failure detector allows; may come back. */
    UNREACHABLE,
    /** Declared dead or leaving; will be removed. */
    DOWN,
    /** Gone for good; kept so that gossip cannot bring it back. */
    REMOVED;

    /** @return whether the member has left for good: {@link #DOWN} or {@link #REMOVED} */
    public boolean isTerminal() {
        return this == DOWN || this == REMOVED;
    }
}
