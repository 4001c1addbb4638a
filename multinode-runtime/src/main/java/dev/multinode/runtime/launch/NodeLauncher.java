package dev.multinode.runtime.launch;

import dev.multinode.runtime.node.NodeOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Starts the nodes of a run and makes sure none outlives it. */
public interface NodeLauncher extends AutoCloseable {

    /**
     * How long a node the conductor gave up on (its body ignored the abort through the whole grace)
     * may still take to end before it is left behind (thread mode) or killed (process mode).
     */
    Duration GIVEN_UP_WAIT = Duration.ofMillis(500);

    /**
     * Starts one node per role; returns without waiting for them.
     *
     * @param run the run
     * @throws Exception if a node cannot be started
     */
    void launch(RunContext run) throws Exception;

    /**
     * Waits for the nodes to end after the conductor finished: at most {@code timeout}, and at most
     * {@link #GIVEN_UP_WAIT} for the nodes the conductor gave up on.
     *
     * @param timeout the bound
     * @param givenUp the roles whose body did not stop after the abort
     * @return the outcomes the launcher saw first-hand, by role (thread mode has the original
     *     exceptions; process mode has none)
     */
    Map<String, NodeOutcome> awaitNodes(Duration timeout, Set<String> givenUp);

    /**
     * @return what {@link #awaitNodes} left behind, one sentence each, for the failure: threads still
     *     running, processes killed; empty when every node ended
     */
    List<String> stragglers();

    /** Stops whatever is still running. */
    @Override
    void close();
}
