package dev.multinode.examples.specs;

import org.junit.jupiter.api.Test;

/**
 * {@link ShardingRebalanceSpec} in the transport of {@code multinode.transport}: the build runs the
 * *SpecTest classes once per transport (inproc, chronicle, tcp).
 */
class ShardingRebalanceSpecTest {

    @Test
    void theShardsOfAKilledNodeMoveToTheSurvivors() {
        ShardingRebalanceSpec.run();
    }
}
