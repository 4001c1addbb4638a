package dev.multinode.runtime.protocol;

/** How a node's body ended, as a DONE message reports it. */
public enum Outcome {
    /** The body returned. */
    PASSED(0),
    /** The body threw. */
    FAILED(1),
    /** The body was stopped because the run was aborted. */
    CANCELLED(2);

    private static final Outcome[] BY_CODE = {PASSED, FAILED, CANCELLED};

    private final byte code;

    Outcome(int code) {
        this.code = (byte) code;
    }

    /** @return the wire code */
    public byte code() {
        return code;
    }

    /**
     * @param code a wire code
     * @return the outcome of that code
     * @throws IllegalArgumentException if no outcome has it
     */
    public static Outcome of(byte code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown outcome code " + code);
        }
        return BY_CODE[code];
    }
}
