/**
 * Failure detection: members send each other heartbeats; a member silent longer than a threshold is
 * marked unreachable, comes back when heard again, and after a further period the leader downs it
 * (auto-down, and only while it reaches a majority of the members), after which the leader removes it.
 * A node that finds it was itself frozen discounts the silence it measured meanwhile.
 */
package dev.multinode.examples.cluster.failure;
