/**
 * Cluster sharding: entities, identified by string ids, live in a fixed number of shards (by hash);
 * a coordinator, a singleton on the oldest member, allocates each shard to a region (one per node),
 * least-loaded first, and reallocates the shards of a removed node, whose entities then restart on
 * their new home when next addressed. Messages whose shard has no reachable home wait in a bounded
 * buffer.
 */
package dev.multinode.examples.cluster.sharding;
