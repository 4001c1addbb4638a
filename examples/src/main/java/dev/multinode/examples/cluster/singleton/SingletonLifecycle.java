package dev.multinode.examples.cluster.singleton;

/** Starts and stops one singleton's instance on this node, as {@link SingletonManager} decides. */
public interface SingletonLifecycle {

    /** Starts the instance here; if this throws, the manager tries again at the next view change. */
    void start();

    /** Stops the instance here. */
    void stop();
}
