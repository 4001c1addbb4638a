package dev.multinode.examples.cluster.codec;

/** A frame that is not a valid cluster message: unknown tag, truncated, or a field out of range. */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the frame
     */
    public MalformedMessageException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the frame
     * @param cause   the failure that revealed it
     */
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
