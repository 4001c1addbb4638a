package dev.multinode.runtime.launch;

import dev.multinode.runtime.node.NodeOutcome;
import java.time.Duration;
import java.util.Map;

/** Starts the nodes of a run and makes sure none outlives it. */
public interface NodeLauncher extends AutoCloseable {

    /**
     * Starts one node per role; returns without waiting for them.
     *
     * @param run the run
     * @throws Exception if a node cannot be started
     */
    void launch(RunContext run) throws Exception;

    /**
     * Waits, at most {@code timeout}, for the nodes to end after the conductor finished.
     *
     * @param timeout the bound
     * @return the outcomes the launcher saw first-hand, by role (thread mode has the original
     *     exceptions; process mode has none)
     */
    Map<String, NodeOutcome> awaitNodes(Duration timeout);

    /** Stops whatever is still running. */
    @Override
    void close();
}
