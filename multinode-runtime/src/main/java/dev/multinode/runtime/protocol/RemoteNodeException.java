package dev.multinode.runtime.protocol;

/**
 * An exception thrown in another JVM, rebuilt from its text: {@link #toString()} and the stack trace
 * read like the original's.
 */
public final class RemoteNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    RemoteNodeException(String originalClassName, String message, StackTraceElement[] stackTrace, Throwable cause) {
        super(message, cause, false, true);
        this.originalClassName = originalClassName;
        setStackTrace(stackTrace);
    }

    /** @return the class name of the original exception */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
