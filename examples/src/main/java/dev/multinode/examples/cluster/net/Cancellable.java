package dev.multinode.examples.cluster.net;

/** A scheduled task that can be called off. */
@FunctionalInterface
public interface Cancellable {

    /** Stops the task from running again; harmless if it already ran or was cancelled. */
    void cancel();
}
