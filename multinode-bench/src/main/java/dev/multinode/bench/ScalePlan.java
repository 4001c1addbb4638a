package dev.multinode.bench;

import java.util.List;

/**
 * What the scale rows measure: barriers and start-up at each node count, in thread launch and, where
 * the transport has it, in process launch.
 *
 * @param threadNodes     node counts run in thread launch
 * @param processNodes    node counts run in process launch
 * @param barrierWarmup   barriers passed before measuring, per count
 * @param barrierMeasured barrier intervals measured, per count
 * @param startupRuns     runs of empty bodies timed, per count
 */
record ScalePlan(List<Integer> threadNodes, List<Integer> processNodes, int barrierWarmup, int barrierMeasured,
                 int startupRuns) {

    /**
     * Sorts the counts, smallest first.
     *
     * @throws IllegalArgumentException if a count is out of range
     */
    ScalePlan {
        // smallest first: a count that fails skips the larger ones (ScaleRuns)
        threadNodes = threadNodes.stream().sorted().distinct().toList();
        processNodes = processNodes.stream().sorted().distinct().toList();
        if (threadNodes.stream().anyMatch(n -> n < 1) || processNodes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("Scale node counts must be 1 or more, got thread " + threadNodes
                    + " and process " + processNodes);
        }
        if (barrierWarmup < 0 || barrierMeasured < 1 || startupRuns < 1) {
            throw new IllegalArgumentException("Scale barrier warm-up " + barrierWarmup + ", measured " + barrierMeasured
                    + ", start-up runs " + startupRuns + ": accepted a warm-up of 0 or more and 1 or more of the others");
        }
    }
}
