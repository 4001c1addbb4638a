package dev.multinode.examples.cluster.pubsub;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * This node's pub-sub mediator. Subscriptions made here form this node's bucket, replicated to every
 * other member (and re-sent until each acknowledges it); publications go to every subscriber of the
 * topic over all buckets, each once, in one frame per subscriber node, delivered there through the
 * network's {@link dev.multinode.examples.cluster.net.ClusterNetwork#deliver}. A subscription lasts
 * while both the node that made it and the subscriber's node are members.
 *
 * <p>Public methods may be called from any thread.
 */
public final class PubSub {

    private final Messaging messaging;
    private final Membership membership;
    private final String self;
    private final Duration retryInterval;
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    /** The version of this node's bucket each other node acknowledged. */
    private final Map<String, Long> acked = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private Cancellable retryTimer = () -> { };
    private volatile Set<Subscription> snapshot = Set.of();

    /**
     * @param messaging     this node's messaging
     * @param membership    this node's membership
     * @param retryInterval how often a bucket is re-sent to members that have not acknowledged it
     */
    public PubSub(Messaging messaging, Membership membership, Duration retryInterval) {
        this.messaging = messaging;
        this.membership = membership;
        this.self = messaging.self();
        this.retryInterval = retryInterval;
        messaging.handle(BucketUpdate.class, this::onBucketUpdate);
        messaging.handle(BucketAck.class, (from, ack) -> onBucketAck(from, ack.version()));
        messaging.handle(Publication.class, (from, publication) -> onPublication(publication));
        membership.addListener((previous, current) -> onViewChange(current));
    }

    /** Starts re-sending unacknowledged buckets; on the cluster scheduler. */
    public void start() {
        retryTimer = messaging.scheduler().scheduleRepeatedly(retryInterval, this::replicate);
    }

    /**
     * Subscribes a subscriber, on any node, to a topic.
     *
     * @param topic      the topic
     * @param subscriber the subscriber, e.g. a probe of any node
     * @return completes once every up member holds the subscription, so a publication from any of
     *         them reaches the subscriber
     */
    public CompletableFuture<Void> subscribe(String topic, ProbeRef subscriber) {
        Subscription subscription = new Subscription(topic, subscriber);
        return changeBucket(bucket -> bucket.add(subscription));
    }

    /**
     * Withdraws a subscription this node made.
     *
     * @param topic      the topic
     * @param subscriber the subscriber
     * @return completes once every up member dropped it
     */
    public CompletableFuture<Void> unsubscribe(String topic, ProbeRef subscriber) {
        Subscription subscription = new Subscription(topic, subscriber);
        return changeBucket(bucket -> bucket.remove(subscription));
    }

    /**
     * Publishes a message to every subscriber of a topic, each once.
     *
     * @param topic   the topic
     * @param message the message
     * @return the number of subscribers it was sent to
     */
    public CompletableFuture<Integer> publish(String topic, String message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        CompletableFuture<Integer> sent = new CompletableFuture<>();
        return messaging.call(sent, () -> sent.complete(publishNow(topic, message)));
    }

    /**
     * @param topic a topic
     * @return its subscribers as this node knows them now
     */
    public Set<ProbeRef> subscribers(String topic) {
        return snapshot.stream().filter(s -> s.topic().equals(topic)).map(Subscription::subscriber)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Stops re-sending and fails the pending subscription futures; on the cluster scheduler. */
    public void stop() {
        retryTimer.cancel();
        IllegalStateException stopped = new IllegalStateException("the cluster stopped on " + self);
        waiters.forEach(w -> w.future.completeExceptionally(stopped));
        waiters.clear();
    }

    private CompletableFuture<Void> changeBucket(Consumer<Set<Subscription>> edit) {
        CompletableFuture<Void> replicated = new CompletableFuture<>();
        return messaging.call(replicated, () -> {
            Set<Subscription> bucket = new HashSet<>(registry.bucket(self));
            edit.accept(bucket);
            if (!bucket.equals(registry.bucket(self))) {
                setBucket(bucket);
            }
            waiters.add(new Waiter(registry.version(self), replicated));
            completeWaiters();
        });
    }

    private void setBucket(Set<Subscription> bucket) {
        registry.merge(self, registry.version(self) + 1, bucket);
        snapshot = Set.copyOf(registry.all());
        replicate();
    }

    /** Sends this node's bucket to every member that has not acknowledged its version. */
    private void replicate() {
        long version = registry.version(self);
        if (version == 0) {
            return;
        }
        BucketUpdate update = new BucketUpdate(version, List.copyOf(registry.bucket(self)));
        membership.view().activeRoles().stream()
                .filter(r -> !r.equals(self) && acked.getOrDefault(r, 0L) < version)
                .forEach(r -> messaging.send(r, update));
    }

    private int publishNow(String topic, String message) {
        ClusterView view = membership.view();
        Map<String, List<String>> byRole = new TreeMap<>();
        for (ProbeRef subscriber : registry.subscribers(topic)) {
            if (!view.hasStatus(subscriber.role(), MemberStatus.REMOVED)) {
                byRole.computeIfAbsent(subscriber.role(), r -> new ArrayList<>()).add(subscriber.name());
            }
        }
        byRole.forEach((role, names) -> {
            if (role.equals(self)) {
                names.forEach(name -> messaging.deliver(new ProbeRef(self, name), message));
            } else {
                messaging.send(role, new Publication(topic, message, names));
            }
        });
        return byRole.values().stream().mapToInt(List::size).sum();
    }

    private void onBucketUpdate(String from, BucketUpdate update) {
        if (!membership.view().isMember(from)) {
            return;
        }
        if (registry.merge(from, update.version(), Set.copyOf(update.subscriptions()))) {
            snapshot = Set.copyOf(registry.all());
        }
        messaging.send(from, new BucketAck(registry.version(from)));
    }

    private void onBucketAck(String from, long version) {
        acked.merge(from, version, Math::max);
        completeWaiters();
    }

    private void onPublication(Publication publication) {
        publication.subscribers().forEach(name -> messaging.deliver(new ProbeRef(self, name), publication.message()));
    }

    private void onViewChange(ClusterView view) {
        Set<String> removed = view.members().stream().filter(m -> m.status() == MemberStatus.REMOVED)
                .map(Member::role).collect(Collectors.toCollection(TreeSet::new));
        removed.forEach(role -> {
            registry.removeOwner(role);
            acked.remove(role);
        });
        Set<Subscription> bucket = registry.bucket(self);
        Set<Subscription> kept = bucket.stream().filter(s -> !removed.contains(s.subscriber().role()))
                .collect(Collectors.toSet());
        if (!kept.equals(bucket)) {
            setBucket(kept);
        } else {
            snapshot = Set.copyOf(registry.all());
        }
        completeWaiters();
    }

    private void completeWaiters() {
        List<String> others = membership.view().upMembers().stream().map(Member::role).filter(r -> !r.equals(self))
                .toList();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (others.stream().allMatch(r -> acked.getOrDefault(r, 0L) >= waiter.version)) {
                it.remove();
                waiter.future.complete(null);
            }
        }
    }

    private record Waiter(long version, CompletableFuture<Void> future) {
    }
}
