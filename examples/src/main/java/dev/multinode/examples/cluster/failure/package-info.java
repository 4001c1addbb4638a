/**
 * Failure detection: members send each other heartbeats; a member silent longer than a threshold is
 * marked unreachable, comes back when heard again, and after a further period the leader downs it
 * (auto-down), after which the leader removes it.
 */
package dev.multinode.examples.cluster.failure;
