package dev.multinode.examples.cluster.singleton;

import java.time.Duration;

/**
 * One role's promises as a grantor of the singleton lease: at most one holder at a time, until its
 * grant expires or it gives the lease back. Pure bookkeeping: the caller supplies the clock.
 */
public final class LeaseGrants {

    private final long durationNanos;
    private String holder;
    private long until;

    /**
     * @param duration how long a grant binds this grantor
     */
    public LeaseGrants(Duration duration) {
        this.durationNanos = duration.toNanos();
    }

    /**
     * Grants the lease unless another holder's grant is still in force.
     *
     * @param requester the role asking
     * @param now       the current time of this grantor's clock, in nanoseconds
     * @return whether the lease is granted (then no other holder gets it for a lease duration)
     */
    public boolean grant(String requester, long now) {
        if (holder != null && !holder.equals(requester) && now - until < 0) {
            return false;
        }
        holder = requester;
        until = now + durationNanos;
        return true;
    }

    /**
     * Forgets a holder's grant, which it gave back.
     *
     * @param releaser the role giving the lease back
     */
    public void release(String releaser) {
        if (releaser.equals(holder)) {
            holder = null;
        }
    }
}
