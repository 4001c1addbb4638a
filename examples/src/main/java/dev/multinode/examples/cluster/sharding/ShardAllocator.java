package dev.multinode.examples.cluster.sharding;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The allocation rule: a shard goes to the eligible region hosting the fewest shards, by role on ties. */
public final class ShardAllocator {

    private ShardAllocator() {
    }

    /**
     * @param allocations the current allocation, shard to region
     * @param eligible    the regions that may take a shard
     * @return the least-loaded eligible region, or empty if none is eligible
     */
    public static Optional<String> leastLoaded(Map<Integer, String> allocations, Collection<String> eligible) {
        Comparator<String> byLoad = Comparator.comparingLong(
                (String region) -> allocations.values().stream().filter(region::equals).count());
        return eligible.stream().min(byLoad.thenComparing(Comparator.naturalOrder()));
    }
}
