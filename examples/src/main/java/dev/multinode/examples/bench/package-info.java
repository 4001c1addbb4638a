/**
 * The harness benchmark: round-trip latency of {@link dev.multinode.Node#send} between two nodes,
 * the same ping-pong on the raw transport as a baseline, and the latency of a three-node barrier.
 * Run {@link dev.multinode.examples.bench.HarnessBenchmark}; the transport is chosen by
 * {@code -Dmultinode.transport}, as in any spec.
 */
package dev.multinode.examples.bench;
