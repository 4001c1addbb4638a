package dev.multinode;

/**
 * Thrown inside a node when the run was aborted because of another node's failure. The harness
 * reports such a node as cancelled, not as a failure of its own.
 */
public class RunAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason why the run was aborted
     */
    public RunAbortedException(String reason) {
        super(reason);
    }
}
