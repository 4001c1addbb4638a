/**
 * The runtime's entry point: {@link dev.multinode.runtime.DefaultMultiNodeRunner} turns one spec
 * into one run (settings, transport, conductor, nodes, report), names the run and its folder after
 * the calling test, and turns a failed run into one {@link dev.multinode.MultiNodeFailure}. It wires
 * the other packages together; a run's rules are the conductor's and a node's life is the node
 * package's.
 */
package dev.multinode.runtime;
