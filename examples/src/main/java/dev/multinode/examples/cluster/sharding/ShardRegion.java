package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Messaging;
import dev.multinode.examples.cluster.routing.BufferFullException;
import dev.multinode.examples.cluster.routing.KeyedBuffer;
import dev.multinode.examples.cluster.routing.Request;
import dev.multinode.examples.cluster.routing.Requests;
import dev.multinode.examples.cluster.routing.Waiting;
import dev.multinode.examples.cluster.singleton.SingletonLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.slf4j.Logger;

/**
 * This node's region: routes requests to their shard's home, hosts the entities of the shards
 * allocated here, and keeps requests whose shard has no reachable home in a bounded buffer until the
 * coordinator names one. Runs on the cluster scheduler.
 */
final class ShardRegion {

    private final Messaging messaging;
    private final Membership membership;
    private final Requests requests;
    private final int numberOfShards;
    private final EntityFactory factory;
    private final String self;
    private final Logger log;
    private final Map<Integer, String> homes = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final KeyedBuffer<Integer, Waiting> buffer;
    /** The coordinator that acknowledged this region's registration; null until one did. */
    private String registeredWith;
    private volatile Map<Integer, String> homesSnapshot = Map.of();
    private volatile Set<String> entitiesSnapshot = Set.of();

    ShardRegion(Messaging messaging, Membership membership, Requests requests, int numberOfShards, int bufferSize,
                EntityFactory factory) {
        this.messaging = messaging;
        this.membership = membership;
        this.requests = requests;
        this.numberOfShards = numberOfShards;
        this.factory = factory;
        this.self = messaging.self();
        this.log = messaging.log();
        this.buffer = new KeyedBuffer<>(bufferSize);
    }

    /** Routes a request that starts here; {@code sent} completes when it left the buffer, if it had to wait. */
    void send(Request request, CompletableFuture<Void> sent) {
        route(new Waiting(request, sent));
    }

    void onEnvelope(EntityEnvelope envelope) {
        route(new Waiting(envelope.request().forwarded(), null));
    }

    void onShardHomes(String from, ShardHomes message) {
        if (message.complete()) {
            registeredWith = from;
        }
        message.homes().forEach((shard, home) -> {
            if (shard < 0 || shard >= numberOfShards) {
                log.warn("{} named shard {}, outside 0..{}; ignored", from, shard, numberOfShards - 1);
                return;
            }
            String previous = homes.put(shard, home);
            if (self.equals(previous) && !self.equals(home)) {
                stopEntities(shard::equals);
            }
        });
        flushRoutable();
        publishSnapshots();
    }

    void onViewChange(ClusterView view) {
        if (!membership.isActive()) {
            stopEntities(shard -> true);
            publishSnapshots();
            return;
        }
        if (!Objects.equals(SingletonLocation.target(view, self).orElse(null), registeredWith)) {
            registeredWith = null;
            register();
        }
        for (Iterator<Map.Entry<Integer, String>> it = homes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, String> home = it.next();
            if (!view.isMember(home.getValue())) {
                it.remove();
                if (buffer.contains(home.getKey())) {
                    requestHome(home.getKey());
                }
            }
        }
        flushRoutable();
        publishSnapshots();
    }

    /** Re-sends what may have been lost: the registration, and the questions for buffered shards. */
    void retry() {
        if (!membership.isActive()) {
            return;
        }
        if (registeredWith == null) {
            register();
        }
        buffer.keys().stream().filter(shard -> !homes.containsKey(shard)).forEach(this::requestHome);
    }

    /** Stops every entity here and fails the waiting requests. */
    void stop() {
        stopEntities(shard -> true);
        IllegalStateException stopped = new IllegalStateException("the cluster stopped on " + self);
        buffer.drainAll().forEach(w -> w.fail(requests, stopped));
        publishSnapshots();
    }

    Map<Integer, String> homes() {
        return homesSnapshot;
    }

    Set<String> localEntities() {
        return entitiesSnapshot;
    }

    private void route(Waiting item) {
        Request request = item.request();
        int shard = Sharding.shardOf(request.target(), numberOfShards);
        String home = homes.get(shard);
        if (self.equals(home)) {
            requests.answer(request, self, () -> entity(request.target(), shard));
            item.markSent();
        } else if (home != null && membership.view().hasStatus(home, MemberStatus.UP)) {
            if (request.exhausted()) {
                item.fail(requests, new IllegalStateException("entity " + request.target() + " could not be reached: "
                        + "forwarded " + request.hops() + " times while shard " + shard + " moved"));
                return;
            }
            messaging.send(home, new EntityEnvelope(request));
            item.markSent();
        } else {
            hold(shard, item);
        }
    }

    private void hold(int shard, Waiting item) {
        boolean first = !buffer.contains(shard);
        if (!buffer.offer(shard, item)) {
            BufferFullException full = new BufferFullException("entity " + item.request().target()
                    + " (shard " + shard + ")", buffer.capacity());
            log.warn(full.getMessage());
            item.fail(requests, full);
            return;
        }
        if (first && !homes.containsKey(shard)) {
            requestHome(shard);
        }
    }

    private Entity entity(String id, int shard) {
        Entity entity = entities.get(id);
        if (entity == null) {
            entity = Objects.requireNonNull(factory.create(new EntityContext(id, shard, self)),
                    "the entity factory returned null for " + id);
            entities.put(id, entity);
            publishSnapshots();
        }
        return entity;
    }

    private void flushRoutable() {
        for (int shard : buffer.keys()) {
            String home = homes.get(shard);
            if (self.equals(home) || (home != null && membership.view().hasStatus(home, MemberStatus.UP))) {
                buffer.drain(shard).forEach(this::route);
            }
        }
    }

    private void register() {
        Optional<String> coordinator = SingletonLocation.target(membership.view(), self);
        if (coordinator.isPresent()) {
            List<Integer> hosted = new ArrayList<>();
            homes.forEach((shard, home) -> {
                if (home.equals(self)) {
                    hosted.add(shard);
                }
            });
            messaging.send(coordinator.get(), new RegisterRegion(hosted));
        }
    }

    private void requestHome(int shard) {
        SingletonLocation.target(membership.view(), self)
                .ifPresent(coordinator -> messaging.send(coordinator, new GetShardHome(shard)));
    }

    private void stopEntities(IntPredicate shards) {
        for (Iterator<Map.Entry<String, Entity>> it = entities.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entity> entry = it.next();
            if (shards.test(Sharding.shardOf(entry.getKey(), numberOfShards))) {
                it.remove();
                try {
                    entry.getValue().onStop();
                } catch (RuntimeException e) {
                    log.warn("entity {} failed to stop cleanly", entry.getKey(), e);
                }
            }
        }
    }



    private void publishSnapshots() {
        homesSnapshot = Map.copyOf(homes);
        entitiesSnapshot = Set.copyOf(entities.keySet());
    }

}
