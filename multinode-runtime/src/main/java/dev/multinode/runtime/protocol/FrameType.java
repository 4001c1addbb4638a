package dev.multinode.runtime.protocol;

/**
 * Frame types the runtime puts on the transport. Only {@link #USER} and {@link #PROBE} belong to the
 * system under test and pass the fault filter; every other type is the harness's own control traffic.
 */
public final class FrameType {

    /** A frame of the system under test, from {@code Node.send}. */
    public static final int USER = 1;
    /** A probe message: probe name then an encoded message. */
    public static final int PROBE = 2;

    /** Node to conductor: the node is up. */
    public static final int HELLO = 10;
    /** Conductor to node: every node is up, run the body. */
    public static final int START = 11;
    /** Node to conductor: the node entered a barrier. */
    public static final int ENTER = 12;
    /** Conductor to node: a barrier completed. */
    public static final int RELEASE = 13;
    /** Conductor to node: a barrier failed. */
    public static final int BARRIER_FAILED = 14;
    /** Node to conductor: the body returned or threw. */
    public static final int DONE = 15;
    /** Conductor to node: the run is aborted; stop the body. */
    public static final int ABORT = 16;
    /** Conductor to node: every body is done; stop. */
    public static final int STOP = 17;
    /** Node to conductor: please apply a fault. */
    public static final int FAULT_REQUEST = 18;
    /** Conductor to node: apply this fault's part on your side. */
    public static final int FAULT_APPLY = 19;
    /** Node to conductor: fault applied on my side. */
    public static final int FAULT_APPLIED = 20;
    /** Conductor to the requesting node: the fault is in force (or refused, with a reason). */
    public static final int FAULT_DONE = 21;
    /** Conductor to node: send the body thread's stack (run timeout). */
    public static final int DUMP_REQUEST = 22;
    /** Node to conductor: the body thread's stack. */
    public static final int DUMP = 23;
    /** Node to conductor, from the debugged node only: it is not suspended by a debugger. */
    public static final int HEARTBEAT = 24;
    /** Node to conductor: a value of the node's in the shared directory. */
    public static final int PUBLISH = 25;
    /** Node to conductor: the value a node published under a key, please, within a timeout. */
    public static final int LOOKUP = 26;
    /** Conductor to the looking-up node: the value, or why there is none. */
    public static final int LOOKUP_ANSWER = 27;
    /** Node to conductor: the node's value of an all-gather. */
    public static final int EXCHANGE = 28;
    /** Conductor to each node of an all-gather: every live node's value, or why the exchange failed. */
    public static final int EXCHANGE_RESULT = 29;

    private FrameType() {
    }

    /**
     * @param type a frame type
     * @return whether faults may affect it
     */
    public static boolean isFaultable(int type) {
        return type == USER || type == PROBE;
    }
}
