package dev.multinode.examples.cluster.sharding;

/**
 * What an entity instance knows about itself.
 *
 * @param entityId its id
 * @param shard    its shard
 * @param home     the role of the node it lives on
 */
public record EntityContext(String entityId, int shard, String home) {
}
