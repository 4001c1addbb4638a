package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.net.Messaging;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * The allocation of shards to regions, held by the node that runs the coordinator singleton. It
 * starts empty and learns the existing allocation from the regions' registrations; it allocates
 * nothing until every up member's region has registered, so a new coordinator never hands out a
 * shard that a region it has not heard from yet still hosts. Runs on the cluster scheduler.
 */
final class ShardCoordinator {

    private final Messaging messaging;
    private final int numberOfShards;
    private final Logger log;
    private final Map<Integer, String> allocations = new TreeMap<>();
    private final Set<String> regions = new TreeSet<>();
    /** Shards asked for but not yet allocated, with the regions that asked. */
    private final Map<Integer, Set<String>> waiting = new TreeMap<>();
    private ClusterView view;

    ShardCoordinator(Messaging messaging, int numberOfShards, ClusterView view) {
        this.messaging = messaging;
        this.numberOfShards = numberOfShards;
        this.log = messaging.log();
        this.view = view;
    }

    void onRegister(String region, List<Integer> hosted) {
        if (!view.isMember(region)) {
            log.info("ignored the registration of {}, which is not a member", region);
            return;
        }
        regions.add(region);
        for (int shard : hosted) {
            if (!valid(shard, region)) {
                continue;
            }
            String owner = allocations.putIfAbsent(shard, region);
            if (owner != null && !owner.equals(region)) {
                log.warn("{} claims shard {}, which {} hosts; {} keeps it", region, shard, owner, owner);
            }
        }
        messaging.send(region, new ShardHomes(allocations, true));
        serveWaiting();
    }

    void onGetShardHome(String from, int shard) {
        if (!valid(shard, from)) {
            return;
        }
        String home = allocations.get(shard);
        if (home != null) {
            messaging.send(from, new ShardHomes(Map.of(shard, home), false));
            return;
        }
        waiting.computeIfAbsent(shard, s -> new TreeSet<>()).add(from);
        serveWaiting();
    }

    void onViewChange(ClusterView current) {
        view = current;
        for (String region : List.copyOf(regions)) {
            if (!current.isMember(region)) {
                regions.remove(region);
                List<Integer> orphans = new ArrayList<>();
                allocations.entrySet().removeIf(e -> e.getValue().equals(region) && orphans.add(e.getKey()));
                orphans.forEach(shard -> waiting.computeIfAbsent(shard, s -> new TreeSet<>()));
                log.info("region {} was removed; its shards {} are reallocated", region, orphans);
            }
        }
        serveWaiting();
    }

    /** @return a copy of the allocation, shard to region */
    Map<Integer, String> allocations() {
        return Map.copyOf(allocations);
    }

    private void serveWaiting() {
        if (waiting.isEmpty() || !everyUpRegionRegistered()) {
            return;
        }
        Map<Integer, String> announced = new TreeMap<>();
        Set<String> audience = new TreeSet<>(regions);
        for (Iterator<Map.Entry<Integer, Set<String>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Set<String>> entry = it.next();
            int shard = entry.getKey();
            String home = allocations.get(shard);
            if (home == null) {
                Optional<String> region = ShardAllocator.leastLoaded(allocations, eligibleRegions());
                if (region.isEmpty()) {
                    break;
                }
                home = region.get();
                allocations.put(shard, home);
                log.info("shard {} allocated to {}", shard, home);
            }
            announced.put(shard, home);
            audience.addAll(entry.getValue());
            it.remove();
        }
        if (!announced.isEmpty()) {
            ShardHomes homes = new ShardHomes(announced, false);
            audience.stream().filter(view::isMember).forEach(r -> messaging.send(r, homes));
        }
    }

    private boolean everyUpRegionRegistered() {
        return view.upMembers().stream().allMatch(m -> regions.contains(m.role()));
    }

    private List<String> eligibleRegions() {
        return regions.stream().filter(r -> view.hasStatus(r, MemberStatus.UP)).toList();
    }

    private boolean valid(int shard, String from) {
        if (shard >= 0 && shard < numberOfShards) {
            return true;
        }
        log.warn("{} named shard {}, outside 0..{}; ignored", from, shard, numberOfShards - 1);
        return false;
    }
}
