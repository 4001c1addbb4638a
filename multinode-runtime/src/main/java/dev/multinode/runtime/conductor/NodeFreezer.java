package dev.multinode.runtime.conductor;

/**
 * Freezes and thaws a node's whole JVM (SIGSTOP and SIGCONT), for pauses in process launch.
 * Without one, a node pauses itself at its own gate (thread and external launch).
 */
public interface NodeFreezer {

    /**
     * @param role the node
     * @throws IllegalStateException if the node's JVM cannot be stopped, saying why
     */
    void freeze(String role);

    /**
     * @param role the node
     * @throws IllegalStateException if the node's JVM cannot be continued, saying why
     */
    void thaw(String role);
}
