/**
 * Cluster singletons: one instance per name, on the oldest member. It moves only when that member is
 * removed, so in a healthy cluster two instances never run at once; proxies on any node route
 * messages to it and buffer them while it moves. The shard coordinator is such a singleton.
 */
package dev.multinode.examples.cluster.singleton;
