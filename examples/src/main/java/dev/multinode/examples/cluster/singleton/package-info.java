/**
 * Cluster singletons: one instance per name, on the oldest member. It moves only when that member is
 * removed; proxies on any node route messages to it and buffer them while it moves. A user
 * singleton's instance also needs its host's lease, granted by a majority of the roles, so that a
 * host that was frozen while the others moved the singleton never acts beside its successor: two
 * instances never act at once, even when membership views disagree. The shard coordinator is such
 * a singleton, without the lease.
 */
package dev.multinode.examples.cluster.singleton;
