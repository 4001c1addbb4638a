/**
 * Cluster membership: nodes join through a seed, the leader (the oldest reachable up member) moves
 * joining members up, giving each an up-number that orders members by age, and the member table
 * spreads by gossip, merged entry by entry so every node converges on the same view.
 */
package dev.multinode.examples.cluster.membership;
