package dev.multinode.examples.cluster.routing;

/** The node that handled a request reported a failure instead of an answer. */
public final class RemoteFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, as the handling node described it
     */
    public RemoteFailureException(String message) {
        super(message);
    }
}
