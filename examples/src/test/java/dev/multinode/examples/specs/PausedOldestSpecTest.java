package dev.multinode.examples.specs;

import dev.multinode.Node;
import dev.multinode.junit.MultiNodeTest;
import dev.multinode.junit.Transports;

/**
 * {@link PausedOldestSpec} over every transport, each in its default launch mode, one result each
 * ({@code [inproc/thread]}, {@code [chronicle/process]}, {@code [tcp/process]}, and {@code [sim/thread]} over the
 * seeds the build explores, {@code multinode.sim.seeds}). The roles and
 * options are those {@link PausedOldestSpec#run} gives its spec.
 */
class PausedOldestSpecTest {

    @MultiNodeTest(roles = {"node-a", "node-b", "node-c"},
            barriersSkipPausedNodes = true)
    @Transports({"inproc", "chronicle", "tcp", "sim"})
    void aPausedOldestIsReplacedAndOnResumeItsInstanceStopsWithoutActing(Node node) throws Exception {
        PausedOldestSpec.body(node);
    }
}
