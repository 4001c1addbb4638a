package dev.multinode.runtime.conductor;

import java.util.concurrent.CompletableFuture;

/**
 * Starts a new incarnation of a node, for a restart: a launcher that can (thread and process
 * launch) gives the conductor one. The new incarnation announces itself with HELLO like any node.
 */
public interface NodeStarter {

    /**
     * A restart of the node begins: its current incarnation is about to be killed, and what the
     * next one needs of it (a thread node's endpoint) must survive the kill.
     *
     * @param role the node
     */
    void prepare(String role);

    /**
     * Starts the node off the conductor's thread.
     *
     * @param role        the node
     * @param incarnation its new incarnation, 1 or more
     * @return completes when the node was started (not yet up), or exceptionally with why it could not be
     */
    CompletableFuture<Void> start(String role, int incarnation);
}
