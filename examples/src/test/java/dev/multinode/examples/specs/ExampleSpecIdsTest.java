package dev.multinode.examples.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the program's {@code specs.only} names the specs (not a *SpecTest: it runs once). */
class ExampleSpecIdsTest {

    @Test
    void idsSelectSpecsInTheOrderGiven() {
        assertEquals(List.of(ExampleSpec.SINGLETON_FAILOVER, ExampleSpec.SHARDING_REBALANCE),
                ExampleSpec.parseAll("singleton, sharding"));
        assertEquals(List.of(ExampleSpec.values()), ExampleSpec.parseAll("sharding,pubsub,singleton,restart,pause,zookeeper"));
    }

    @Test
    void anUnknownIdIsRefusedNamingTheAcceptedOnes() {
        assertEquals("Unknown spec 'raft' in 'pubsub,raft': expected some of [sharding, pubsub, singleton, restart, pause, zookeeper]",
                assertThrows(IllegalArgumentException.class, () -> ExampleSpec.parseAll("pubsub,raft")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExampleSpec.parseAll(","));
    }
}
