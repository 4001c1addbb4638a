package dev.multinode.examples.specs;

import dev.multinode.MultiNode;
import dev.multinode.SpecBuilder;
import org.junit.jupiter.api.Test;

/**
 * The three example specs, in the transport of {@code multinode.transport}: the build runs this
 * class once per transport (inproc, chronicle, tcp).
 */
class ExampleSpecsTest {

    private static SpecBuilder threeNodes() {
        return MultiNode.spec("node-a", "node-b", "node-c");
    }

    @Test
    void shardingRebalance() {
        ShardingRebalanceSpec.run(threeNodes());
    }

    @Test
    void pubSubAcrossNodes() {
        PubSubSpec.run(threeNodes());
    }

    @Test
    void singletonFailover() {
        SingletonFailoverSpec.run(threeNodes());
    }
}
