package dev.multinode.examples.specs;

import dev.multinode.Node;
import dev.multinode.junit.MultiNodeTest;
import dev.multinode.junit.Transports;

/**
 * {@link RestartRejoinSpec} over every transport, each in its default launch mode, one result each
 * ({@code [inproc/thread]}, {@code [chronicle/process]}, {@code [tcp/process]}, and {@code [sim/thread]} over the
 * seeds the build explores, {@code multinode.sim.seeds}). The roles and
 * options are those {@link RestartRejoinSpec#run} gives its spec.
 */
class RestartRejoinSpecTest {

    @MultiNodeTest(roles = {"node-a", "node-b", "node-c"})
    @Transports({"inproc", "chronicle", "tcp", "sim"})
    void aRestartedNodeRejoinsAsANewIncarnationWithItsShardsAndTheirSavedState(Node node) throws Exception {
        RestartRejoinSpec.body(node);
    }
}
