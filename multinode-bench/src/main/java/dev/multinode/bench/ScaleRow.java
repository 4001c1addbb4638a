package dev.multinode.bench;

/**
 * One node count's figures.
 *
 * @param nodes   how many nodes
 * @param barrier the barrier intervals, in nanoseconds
 * @param startup the start-up and whole-run times of empty bodies, in milliseconds
 */
record ScaleRow(int nodes, LatencyStats barrier, StartupStats startup) {
}
