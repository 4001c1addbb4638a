package dev.multinode.spi;

import dev.multinode.NodeBody;

/**
 * The runtime behind {@link dev.multinode.MultiNode}; {@code multinode-runtime} provides it through
 * {@link java.util.ServiceLoader}.
 */
public interface MultiNodeRunner {

    /**
     * Runs the body once per role and waits for every node.
     *
     * @param spec what the spec asked for
     * @param body the script
     * @throws dev.multinode.MultiNodeFailure if the run fails
     * @throws IllegalArgumentException if the spec is invalid (roles, transport, launch mode)
     */
    void run(RunSpec spec, NodeBody body);
}
