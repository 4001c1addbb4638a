/**
 * Cluster membership: nodes join through a seed, the leader (the oldest reachable up member) moves
 * joining members up, giving each an up-number that orders members by age, and the member table
 * spreads by gossip, merged entry by entry so every node converges on the same view. A member is
 * one incarnation of a role: a restarted node joins as a new, youngest member that replaces its
 * role's old entry for good.
 */
package dev.multinode.examples.cluster.membership;
