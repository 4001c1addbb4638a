/**
 * The seam between the cluster and the world: {@link dev.multinode.examples.cluster.net.ClusterNetwork}
 * (frames, a serial scheduler, local delivery to subscribers), its adapter over a multinode
 * {@link dev.multinode.Node}, and {@link dev.multinode.examples.cluster.net.Messaging}, which turns
 * frames into typed messages. Unit tests replace the network with an in-memory fake with virtual time.
 */
package dev.multinode.examples.cluster.net;
