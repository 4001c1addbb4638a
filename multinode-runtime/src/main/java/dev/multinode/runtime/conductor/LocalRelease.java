package dev.multinode.runtime.conductor;

/**
 * How the conductor tells a node of its own JVM (thread launch) that the barrier it waits at
 * released, without a RELEASE frame: the verdict goes straight to the waiting body. A frame has to
 * wake the node's receiver, which then wakes the body, two wake-ups per node and barrier on cores
 * that every node's threads share; this is one. The barrier's rules stay the conductor's; only the
 * delivery of its verdict changes.
 */
@FunctionalInterface
public interface LocalRelease {

    /**
     * On the conductor's thread: the barrier released this node.
     *
     * @param barrier the barrier's name
     */
    void released(String barrier);
}
