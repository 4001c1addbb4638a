package dev.multinode;

/** How the nodes of a run are started. */
public enum LaunchMode {
    /** Every node is a thread of the calling JVM. */
    THREAD,
    /** Every node is a child JVM of the calling JVM. */
    PROCESS,
    /** Nodes are started elsewhere (other hosts) and join the conductor. */
    EXTERNAL
}
