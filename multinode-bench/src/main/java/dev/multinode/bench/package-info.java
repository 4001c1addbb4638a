/**
 * The harness benchmark: start-up time of a three-node spec, round-trip latency of
 * {@link dev.multinode.Node#send} between two nodes, the same ping-pong on the raw transport as a
 * baseline (two threads for {@code inproc}, two processes for {@code chronicle} and {@code tcp},
 * as the harness's nodes are), and the latency of a three-node barrier.
 * Run {@link dev.multinode.bench.HarnessBenchmark}; the transport is chosen by
 * {@code -Dmultinode.transport}, as in any spec.
 */
package dev.multinode.bench;
