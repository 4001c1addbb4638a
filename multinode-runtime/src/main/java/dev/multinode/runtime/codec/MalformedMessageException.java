package dev.multinode.runtime.codec;

/** A received probe message that is not a valid encoding of allowed types; it is dropped. */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }

    MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
