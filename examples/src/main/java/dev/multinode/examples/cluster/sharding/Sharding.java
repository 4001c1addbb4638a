package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import dev.multinode.examples.cluster.routing.RequestKind;
import dev.multinode.examples.cluster.routing.Requests;
import dev.multinode.examples.cluster.singleton.SingletonLifecycle;
import dev.multinode.examples.cluster.singleton.SingletonManager;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * This node's entry to cluster sharding: send to any entity by id from any thread, wherever it lives.
 * Runs this node's region, and the coordinator while this node is the oldest member.
 *
 * <p>A spec proves a move with {@link #whereIs}: the answer is the role of the node the entity runs on.
 */
public final class Sharding {

    private final Messaging messaging;
    private final Requests requests;
    private final int numberOfShards;
    private final Duration retryInterval;
    private final ShardRegion region;
    private final SingletonManager coordinatorManager;
    private ShardCoordinator coordinator;
    private volatile boolean coordinatorHere;
    private Cancellable retryTimer = () -> { };

    /**
     * @param messaging      this node's messaging
     * @param membership     this node's membership
     * @param requests       this node's request correlation
     * @param numberOfShards how many shards entities are spread over; the same on every node
     * @param bufferSize     the most requests waiting for a shard's home at once
     * @param retryInterval  how often lost registrations and home requests are sent again
     * @param factory        creates entities
     */
    public Sharding(Messaging messaging, Membership membership, Requests requests, int numberOfShards, int bufferSize,
                    Duration retryInterval, EntityFactory factory) {
        this.messaging = messaging;
        this.requests = requests;
        this.numberOfShards = numberOfShards;
        this.retryInterval = retryInterval;
        this.region = new ShardRegion(messaging, membership, requests, numberOfShards, bufferSize, factory);
        this.coordinatorManager = new SingletonManager("shard-coordinator", messaging.self(), new SingletonLifecycle() {
            @Override
            public void start() {
                coordinator = new ShardCoordinator(messaging, numberOfShards, membership.view());
                coordinatorHere = true;
            }

            @Override
            public void stop() {
                coordinator = null;
                coordinatorHere = false;
            }
        }, messaging.log());
        messaging.handle(RegisterRegion.class, (from, m) -> {
            if (coordinator != null) {
                coordinator.onRegister(from, m.shards());
            }
        });
        messaging.handle(GetShardHome.class, (from, m) -> {
            if (coordinator != null) {
                coordinator.onGetShardHome(from, m.shard());
            }
        });
        messaging.handle(ShardHomes.class, region::onShardHomes);
        messaging.handle(EntityEnvelope.class, (from, m) -> region.onEnvelope(m));
        membership.addListener((previous, current) -> onViewChange(current));
    }

    /**
     * The shard of an entity: its id's {@link String#hashCode()}, which Java specifies, modulo the
     * number of shards, so every node agrees.
     *
     * @param entityId       the entity's id
     * @param numberOfShards the number of shards
     * @return the shard, in 0..numberOfShards-1
     */
    public static int shardOf(String entityId, int numberOfShards) {
        return Math.floorMod(entityId.hashCode(), numberOfShards);
    }

    /**
     * @param entityId an entity's id
     * @return its shard
     */
    public int shardOf(String entityId) {
        return shardOf(entityId, numberOfShards);
    }

    /** @return the number of shards */
    public int numberOfShards() {
        return numberOfShards;
    }

    /** Starts the region's retries; on the cluster scheduler. */
    public void start() {
        retryTimer = messaging.scheduler().scheduleRepeatedly(retryInterval, region::retry);
    }

    /**
     * Sends a message to an entity, no reply wanted.
     *
     * @param entityId the entity
     * @param message  the message
     * @return completes when the message left this node (or was handled here); fails with
     *         {@link dev.multinode.examples.cluster.routing.BufferFullException} if it could not wait
     */
    public CompletableFuture<Void> tell(String entityId, String message) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(message, "message");
        CompletableFuture<Void> sent = new CompletableFuture<>();
        return messaging.call(sent, () -> region.send(requests.tell(entityId, message), sent));
    }

    /**
     * Sends a message to an entity and waits for its reply.
     *
     * @param entityId the entity
     * @param message  the message
     * @param timeout  how long to wait for the reply
     * @return the reply; fails with a {@link java.util.concurrent.TimeoutException} if none came in time
     */
    public CompletableFuture<String> ask(String entityId, String message, Duration timeout) {
        return request(entityId, RequestKind.ASK, Objects.requireNonNull(message, "message"), timeout);
    }

    /**
     * Asks where an entity lives, starting it on its shard's home if it is not running.
     *
     * @param entityId the entity
     * @param timeout  how long to wait for the answer
     * @return the role of the node the entity runs on
     */
    public CompletableFuture<String> whereIs(String entityId, Duration timeout) {
        return request(entityId, RequestKind.WHERE, "", timeout);
    }

    /** @return the shard homes this node knows, shard to role; safe from any thread */
    public Map<Integer, String> homes() {
        return region.homes();
    }

    /** @return the ids of the entities running on this node; safe from any thread */
    public Set<String> localEntities() {
        return region.localEntities();
    }

    /** @return whether the shard coordinator runs on this node; safe from any thread */
    public boolean isCoordinatorHere() {
        return coordinatorHere;
    }

    /** Stops the region, its entities and the coordinator; on the cluster scheduler. */
    public void stop() {
        retryTimer.cancel();
        coordinatorManager.stop();
        region.stop();
    }

    private CompletableFuture<String> request(String entityId, RequestKind kind, String message, Duration timeout) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<String> reply = new CompletableFuture<>();
        return messaging.call(reply, () -> region.send(requests.expect(entityId, kind, message, timeout, reply), null));
    }

    private void onViewChange(ClusterView view) {
        coordinatorManager.onView(view);
        if (coordinator != null) {
            coordinator.onViewChange(view);
        }
        region.onViewChange(view);
    }
}
