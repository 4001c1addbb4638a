/**
 * Distributed publish-subscribe: one mediator per node. A subscription names a topic and a subscriber
 * on any node (a {@link dev.multinode.ProbeRef}); each node replicates the subscriptions it made to
 * every other node, and a publication reaches each subscriber of its topic once, delivered on the
 * subscriber's own node.
 */
package dev.multinode.examples.cluster.pubsub;
