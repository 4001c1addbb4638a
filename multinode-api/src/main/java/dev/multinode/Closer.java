package dev.multinode;

/**
 * Closes one resource a node registered with {@link Node#closeOnStop(Object, Closer)}, knowing why.
 *
 * @param <T> the resource's type
 */
@FunctionalInterface
public interface Closer<T> {

    /**
     * @param resource the resource
     * @param reason   why the node stops
     * @throws Exception if closing fails; it is logged and the node's other resources still close
     */
    void close(T resource, StopReason reason) throws Exception;
}
