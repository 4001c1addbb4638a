/**
 * A small cluster library to test with multinode: membership, failure detection, sharding,
 * distributed pub-sub and singletons, over {@link dev.multinode.Node#send} so that the harness's
 * faults apply. {@link dev.multinode.examples.cluster.ExampleCluster#start} wires it on a node.
 */
package dev.multinode.examples.cluster;
