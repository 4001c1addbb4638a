package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lease without which no singleton instance on this node acts, and this node's promises as a
 * grantor of other nodes' leases. Runs on the cluster scheduler.
 *
 * <p>While this node is the oldest member it asks every role for the lease, a quarter lease
 * duration apart. A request sent at time {@code s} of this node's clock that a majority of all
 * roles grants makes the lease valid until {@code s + 0.9 × duration}. A role grants a request only
 * if the requester is the oldest member in its own view, and once it granted, it grants no other
 * requester for a whole duration from the moment it granted, on its own clock (unless the holder
 * gives the lease back).
 *
 * <p>Why two instances never act at once: any two majorities of the roles share a grantor. A second
 * host collects a majority only after that grantor's promise to the first expired; the promise
 * began after the first host sent its request and lasts longer than the first host trusts its
 * lease, so the first host's lease ended before the second's began, provided the clocks' rates
 * differ by less than 10 %. A host that was frozen (paused, stalled) finds its lease expired when it
 * runs again and stops its instances before they handle anything, and it cannot renew, since a
 * grantor that removed it no longer sees it as the oldest.
 */
final class SingletonLease {

    private static final int RENEWALS_PER_LEASE = 4;
    /** The host trusts its lease for 9/10 of the duration the grantors promise, for clock rates. */
    private static final long TRUSTED_NUMERATOR = 9;
    private static final long TRUSTED_DENOMINATOR = 10;

    private final Messaging messaging;
    private final Membership membership;
    private final Duration duration;
    private final long trustedNanos;
    private final LeaseGrants grants;
    private final Runnable onChange;
    private final Map<Long, Attempt> attempts = new HashMap<>();
    private long lastAttempt;
    private boolean wanted;
    private boolean held;
    private long validUntil;
    private boolean reportedValid;
    private Cancellable renewal = () -> { };

    /**
     * @param messaging  this node's messaging
     * @param membership this node's membership, whose view decides whom this node grants the lease
     * @param duration   how long a grant binds its grantor
     * @param onChange   told on the cluster scheduler whenever {@link #isValid()} changes
     */
    SingletonLease(Messaging messaging, Membership membership, Duration duration, Runnable onChange) {
        this.messaging = messaging;
        this.membership = membership;
        this.duration = duration;
        this.trustedNanos = duration.toNanos() / TRUSTED_DENOMINATOR * TRUSTED_NUMERATOR;
        this.grants = new LeaseGrants(duration);
        this.onChange = onChange;
        messaging.handle(LeaseMessage.class, (from, message) -> {
            switch (message.step()) {
                case REQUEST -> onRequest(from, message.attempt());
                case GRANT -> onGrant(from, message.attempt());
                case RELEASE -> grants.release(from);
            }
        });
    }

    /**
     * Starts asking for the lease, or stops and gives it back; call with false only once this node's
     * instances have stopped.
     *
     * @param want whether this node should hold the lease (it is the oldest member)
     */
    void want(boolean want) {
        if (want == wanted) {
            return;
        }
        wanted = want;
        if (want) {
            renewal = messaging.scheduler().scheduleRepeatedly(duration.dividedBy(RENEWALS_PER_LEASE), this::renew);
            renew();
        } else {
            renewal.cancel();
            held = false;
            attempts.clear();
            toEveryRole(new LeaseMessage(LeaseMessage.Step.RELEASE, 0));
            reportChange();
        }
    }

    /** @return whether this node holds a lease that has not expired: its instances may act now */
    boolean isValid() {
        return held && now() - validUntil < 0;
    }

    private void renew() {
        reportChange(); // an expiry shows here first
        long now = now();
        attempts.values().removeIf(attempt -> now - attempt.sentAt > trustedNanos);
        long attempt = ++lastAttempt;
        attempts.put(attempt, new Attempt(now));
        toEveryRole(new LeaseMessage(LeaseMessage.Step.REQUEST, attempt));
    }

    private void onRequest(String from, long attempt) {
        if (SingletonLocation.runsOn(membership.view(), from) && grants.grant(from, now())) {
            messaging.send(from, new LeaseMessage(LeaseMessage.Step.GRANT, attempt));
        }
    }

    private void onGrant(String from, long number) {
        Attempt attempt = attempts.get(number);
        if (!wanted || attempt == null) {
            return;
        }
        attempt.grantors.add(from);
        if (attempt.grantors.size() * 2 > messaging.roles().size()) {
            long until = attempt.sentAt + trustedNanos;
            if (!held || until - validUntil > 0) {
                validUntil = until;
                held = true;
            }
            reportChange();
        }
    }

    private void reportChange() {
        boolean valid = isValid();
        if (valid != reportedValid) {
            reportedValid = valid;
            messaging.log().info("singleton lease {} on {}", valid ? "held" : "lost", messaging.self());
            onChange.run();
        }
    }

    private void toEveryRole(LeaseMessage message) {
        messaging.roles().forEach(role -> messaging.send(role, message));
    }

    private long now() {
        return messaging.scheduler().nanoTime();
    }

    /** One request for the lease: when it left, and who granted it. */
    private static final class Attempt {

        private final long sentAt;
        private final Set<String> grantors = new HashSet<>();

        Attempt(long sentAt) {
            this.sentAt = sentAt;
        }
    }
}
