package dev.multinode.spi;

import java.time.Duration;

/**
 * Named barriers among the live nodes of a run. The runtime implements it with a conductor over the
 * run's transport; {@link dev.multinode.Node#enterBarrier} delegates to it.
 */
public interface BarrierService {

    /**
     * Blocks until every live node has entered the barrier {@code name}.
     *
     * @param name    the barrier
     * @param timeout how long it may take
     * @throws dev.multinode.BarrierFailedException if it times out, names disagree, or a node it
     *     waits for has finished or died
     * @throws dev.multinode.RunAbortedException if the run is aborted meanwhile
     */
    void enter(String name, Duration timeout);
}
