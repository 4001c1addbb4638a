package dev.multinode.examples.cluster;

import dev.multinode.examples.cluster.sharding.EchoEntity;
import dev.multinode.examples.cluster.sharding.EntityFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * The cluster's timings and sizes. The defaults suit tests: a killed node is unreachable after about
 * half a second and removed after about one second.
 *
 * @param seed              the role every node joins through; null for the run's first role
 * @param heartbeatInterval the time between heartbeats
 * @param unreachableAfter  silence after which a member is unreachable; longer than the heartbeat interval
 * @param downAfter         further silence after which the leader downs an unreachable member
 * @param gossipInterval    the time between gossip rounds (and leader actions)
 * @param retryInterval     how often sharding and pub-sub re-send what may have been lost
 * @param numberOfShards    how many shards entities are spread over
 * @param bufferSize        the most messages that may wait for a home, per kind (entities, singletons)
 * @param entityFactory     creates sharded entities
 * @param leaseDuration     how long a singleton host may act on one renewal of its lease; a new host
 *                          starts at the earliest this long after the old one's last renewal
 */
public record ClusterSettings(String seed, Duration heartbeatInterval, Duration unreachableAfter, Duration downAfter,
                              Duration gossipInterval, Duration retryInterval, int numberOfShards, int bufferSize,
                              EntityFactory entityFactory, Duration leaseDuration) {

    /**
     * Checks the settings.
     *
     * @param seed              the seed's role, or null for the first role
     * @param heartbeatInterval the time between heartbeats
     * @param unreachableAfter  silence after which a member is unreachable
     * @param downAfter         further silence after which it is downed
     * @param gossipInterval    the time between gossip rounds
     * @param retryInterval     how often lost messages are re-sent
     * @param numberOfShards    the number of shards
     * @param bufferSize        the most messages that may wait for a home
     * @param entityFactory     creates sharded entities
     * @param leaseDuration     how long a singleton host may act on one renewal of its lease
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public ClusterSettings {
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("unreachableAfter", unreachableAfter);
        requirePositive("downAfter", downAfter);
        requirePositive("gossipInterval", gossipInterval);
        requirePositive("retryInterval", retryInterval);
        requirePositive("leaseDuration", leaseDuration);
        if (unreachableAfter.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("unreachableAfter (" + unreachableAfter.toMillis()
                    + " ms) must be longer than heartbeatInterval (" + heartbeatInterval.toMillis()
                    + " ms), or healthy members are marked unreachable between heartbeats");
        }
        if (numberOfShards <= 0) {
            throw new IllegalArgumentException("numberOfShards must be positive, got " + numberOfShards);
        }
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("bufferSize must be positive, got " + bufferSize);
        }
        Objects.requireNonNull(entityFactory, "entityFactory");
    }

    /**
     * @return heartbeat 100 ms, unreachable after 500 ms, down after a further 500 ms, gossip 100 ms,
     *         retry 100 ms, 24 shards, 1000 buffered messages, {@link EchoEntity} entities, singleton
     *         leases of 500 ms (shorter than the removal of a failed host, so they never delay a
     *         hand-over); the run's first role is the seed
     */
    public static ClusterSettings defaults() {
        return new ClusterSettings(null, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofMillis(100), 24, 1000, EchoEntity::new, Duration.ofMillis(500));
    }

    /**
     * @param role the seed's role
     * @return these settings with another seed
     */
    public ClusterSettings withSeed(String role) {
        return new ClusterSettings(role, heartbeatInterval, unreachableAfter, downAfter, gossipInterval, retryInterval,
                numberOfShards, bufferSize, entityFactory, leaseDuration);
    }

    /**
     * @param heartbeat  the time between heartbeats
     * @param unreachable silence after which a member is unreachable
     * @param down       further silence after which it is downed
     * @return these settings with other failure detector timings
     */
    public ClusterSettings withFailureDetection(Duration heartbeat, Duration unreachable, Duration down) {
        return new ClusterSettings(seed, heartbeat, unreachable, down, gossipInterval, retryInterval, numberOfShards,
                bufferSize, entityFactory, leaseDuration);
    }

    /**
     * @param gossip the time between gossip rounds
     * @param retry  how often lost messages are re-sent
     * @return these settings with other intervals
     */
    public ClusterSettings withIntervals(Duration gossip, Duration retry) {
        return new ClusterSettings(seed, heartbeatInterval, unreachableAfter, downAfter, gossip, retry, numberOfShards,
                bufferSize, entityFactory, leaseDuration);
    }

    /**
     * @param shards the number of shards
     * @return these settings with another number of shards
     */
    public ClusterSettings withNumberOfShards(int shards) {
        return new ClusterSettings(seed, heartbeatInterval, unreachableAfter, downAfter, gossipInterval, retryInterval,
                shards, bufferSize, entityFactory, leaseDuration);
    }

    /**
     * @param size the most messages that may wait for a home
     * @return these settings with another buffer size
     */
    public ClusterSettings withBufferSize(int size) {
        return new ClusterSettings(seed, heartbeatInterval, unreachableAfter, downAfter, gossipInterval, retryInterval,
                numberOfShards, size, entityFactory, leaseDuration);
    }

    /**
     * @param factory creates sharded entities
     * @return these settings with another entity factory
     */
    public ClusterSettings withEntityFactory(EntityFactory factory) {
        return new ClusterSettings(seed, heartbeatInterval, unreachableAfter, downAfter, gossipInterval, retryInterval,
                numberOfShards, bufferSize, factory, leaseDuration);
    }

    /**
     * @param lease how long a singleton host may act on one renewal of its lease
     * @return these settings with another lease duration
     */
    public ClusterSettings withLease(Duration lease) {
        return new ClusterSettings(seed, heartbeatInterval, unreachableAfter, downAfter, gossipInterval, retryInterval,
                numberOfShards, bufferSize, entityFactory, lease);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value.toMillis() + " ms");
        }
    }
}
