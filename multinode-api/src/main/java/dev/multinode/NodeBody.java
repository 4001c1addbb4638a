package dev.multinode;

import java.io.Serializable;

/**
 * The script every node runs, once per role.
 *
 * <p>The body is {@link Serializable} because in process mode it travels to each node's JVM; the
 * runner checks this before any node starts, in every launch mode. A lambda that touches a field of
 * the enclosing test instance captures {@code this}; keep captured values in local variables.
 */
@FunctionalInterface
public interface NodeBody extends Serializable {

    /**
     * Runs the spec on one node.
     *
     * @param node this node's view of the run
     * @throws Exception any failure, reported as this node's outcome
     */
    void run(Node node) throws Exception;
}
