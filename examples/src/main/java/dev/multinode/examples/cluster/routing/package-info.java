/**
 * Request routing shared by sharding and singletons: the {@link dev.multinode.examples.cluster.routing.Request}
 * that travels to whoever hosts the target, replies correlated with their asks, and the bounded buffer
 * that keeps requests while their target's home is unknown or moving.
 */
package dev.multinode.examples.cluster.routing;
