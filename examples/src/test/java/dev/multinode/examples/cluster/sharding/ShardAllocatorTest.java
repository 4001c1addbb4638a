package dev.multinode.examples.cluster.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardAllocatorTest {

    @Test
    void theRegionWithFewestShardsWins() {
        Map<Integer, String> allocations = Map.of(0, "a", 1, "a", 2, "b", 3, "c", 4, "c");
        assertEquals(Optional.of("b"), ShardAllocator.leastLoaded(allocations, List.of("a", "b", "c")));
    }

    @Test
    void aRegionWithNoShardCountsAsLeastLoaded() {
        assertEquals(Optional.of("d"), ShardAllocator.leastLoaded(Map.of(0, "a"), List.of("a", "d")));
    }

    @Test
    void tiesGoToTheFirstRoleInOrder() {
        assertEquals(Optional.of("a"), ShardAllocator.leastLoaded(Map.of(0, "b", 1, "a"), List.of("b", "a")));
    }

    @Test
    void onlyEligibleRegionsCount() {
        assertEquals(Optional.of("a"), ShardAllocator.leastLoaded(Map.of(0, "a"), List.of("a")));
        assertEquals(Optional.empty(), ShardAllocator.leastLoaded(Map.of(0, "a"), List.of()));
    }

    @Test
    void shardsAreSpreadEvenlyWhenAllocatedOneByOne() {
        Map<Integer, String> allocations = new HashMap<>();
        for (int shard = 0; shard < 12; shard++) {
            allocations.put(shard, ShardAllocator.leastLoaded(allocations, List.of("a", "b", "c")).orElseThrow());
        }
        for (String region : List.of("a", "b", "c")) {
            assertEquals(4, allocations.values().stream().filter(region::equals).count(), region);
        }
    }
}
