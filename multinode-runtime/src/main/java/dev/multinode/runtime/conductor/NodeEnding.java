package dev.multinode.runtime.conductor;

/** How a node's part in a run ended, as the conductor saw it. */
public enum NodeEnding {
    /** Its body returned. */
    PASSED("passed", false),
    /** Its body threw. */
    FAILED("failed", true),
    /** Its body was stopped by the abort that another node's failure caused. */
    CANCELLED("cancelled", false),
    /** A fault killed it. */
    KILLED("killed", false),
    /** A fault shut it down. */
    SHUT_DOWN("shut down", false),
    /** Its process died when no fault asked for it; the report's note says how. */
    DIED("died", true),
    /** The run ended before it did (it never started, or never reported). */
    UNFINISHED("did not finish", true);

    private final String word;
    private final boolean failure;

    NodeEnding(String word, boolean failure) {
        this.word = word;
        this.failure = failure;
    }

    /** @return the word reports use */
    public String word() {
        return word;
    }

    /** @return whether this ending is a failure of the node itself, not a consequence of another's */
    public boolean isFailure() {
        return failure;
    }
}
