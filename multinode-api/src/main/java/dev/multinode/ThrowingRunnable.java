package dev.multinode;

/** An action that may throw any exception; used by {@link Node#runOn} and {@link Await}. */
@FunctionalInterface
public interface ThrowingRunnable {

    /**
     * Performs the action.
     *
     * @throws Exception anything the action throws is reported as the node's failure
     */
    void run() throws Exception;
}
