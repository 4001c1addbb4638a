package dev.multinode;

/**
 * Thrown by {@link Node#enterBarrier} when the barrier cannot complete: it timed out, the nodes
 * disagree on its name, or a node it waits for has finished or died. The message names the barrier,
 * who arrived, who is missing and where each missing node is.
 */
public class BarrierFailedException extends AssertionError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full explanation
     */
    public BarrierFailedException(String message) {
        super(message);
    }
}
