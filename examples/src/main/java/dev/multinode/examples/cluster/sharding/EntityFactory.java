package dev.multinode.examples.cluster.sharding;

/** Creates an entity's instance on the node its shard lives on. */
@FunctionalInterface
public interface EntityFactory {

    /**
     * @param context the entity's id, shard and home
     * @return a new instance
     */
    Entity create(EntityContext context);
}
