package dev.multinode.examples.cluster.pubsub;

import dev.multinode.ProbeRef;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every node's subscriptions as this node knows them: one bucket per owner (the node that made the
 * subscriptions), versioned by its owner, so replicas only ever take a newer bucket. Pure state; runs
 * on the cluster scheduler.
 */
public final class SubscriptionRegistry {

    private static final Comparator<ProbeRef> ORDER =
            Comparator.comparing(ProbeRef::role).thenComparing(ProbeRef::name);

    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * Takes an owner's bucket if it is newer than the one held.
     *
     * @param owner         the node that made the subscriptions
     * @param version       the bucket's version
     * @param subscriptions its subscriptions
     * @return whether the registry changed
     */
    public boolean merge(String owner, long version, Set<Subscription> subscriptions) {
        Bucket held = buckets.get(owner);
        if (held != null && held.version >= version) {
            return false;
        }
        buckets.put(owner, new Bucket(version, Set.copyOf(subscriptions)));
        return true;
    }

    /**
     * @param owner a node
     * @return the version of its bucket held here; 0 if none
     */
    public long version(String owner) {
        Bucket held = buckets.get(owner);
        return held == null ? 0 : held.version;
    }

    /**
     * @param owner a node
     * @return the subscriptions it made, as held here
     */
    public Set<Subscription> bucket(String owner) {
        Bucket held = buckets.get(owner);
        return held == null ? Set.of() : held.subscriptions;
    }

    /**
     * Forgets a node's bucket, once that node is removed.
     *
     * @param owner the node
     */
    public void removeOwner(String owner) {
        buckets.remove(owner);
    }

    /**
     * @param topic a topic
     * @return its subscribers over every bucket, each once, ordered by role then name
     */
    public Set<ProbeRef> subscribers(String topic) {
        Set<ProbeRef> subscribers = new TreeSet<>(ORDER);
        buckets.values().forEach(b -> b.subscriptions.stream()
                .filter(s -> s.topic().equals(topic))
                .forEach(s -> subscribers.add(s.subscriber())));
        return subscribers;
    }

    /** @return every subscription over every bucket, each once */
    public Set<Subscription> all() {
        Set<Subscription> all = new HashSet<>();
        buckets.values().forEach(b -> all.addAll(b.subscriptions));
        return all;
    }

    private record Bucket(long version, Set<Subscription> subscriptions) {
    }
}
