package dev.multinode.bench;

import dev.multinode.LaunchMode;
import java.util.Map;

/**
 * The targets of the scale rows, the example specs' wall times and the idle cost, the same for every
 * transport (issue 15): they are what a user of any transport should see.
 */
final class ScaleTargets {

    /** The node count of the thread-launch barrier target. */
    static final int THREAD_BARRIER_NODES = 100;
    /** The barrier's median interval at {@link #THREAD_BARRIER_NODES} thread nodes stays below this. */
    static final long THREAD_BARRIER_NANOS = 200_000;
    /** The node count of the process-launch targets. */
    static final int PROCESS_NODES = 16;
    /** The barrier's median interval at {@link #PROCESS_NODES} process nodes stays below this. */
    static final long PROCESS_BARRIER_NANOS = 1_000_000;
    /** The median time until all {@link #PROCESS_NODES} process nodes' bodies run stays below this. */
    static final long PROCESS_STARTUP_MILLIS = 3_000;
    /**
     * No cliff once nodes outnumber the cores: the thread-launch barrier's median at this many nodes
     * (the key) stays within that many times its median at {@link #CLIFF_BASE_NODES} (the value).
     */
    static final Map<Integer, Double> CLIFF_RATIOS = Map.of(5, 2.0, 10, 4.0);
    /** The node count the cliff ratios compare with. */
    static final int CLIFF_BASE_NODES = 3;
    /** A cost may grow at most linearly with the number of nodes: fitted exponent at most this. */
    static final double MAX_GROWTH = 1.0;
    /** A barrier's mean interval stays within this many times its median: no long tail dominates. */
    static final double MEAN_TO_MEDIAN = 3.0;
    /** A 3-node run waiting at a barrier uses less than this share of one core. */
    static final double IDLE_CORE_FRACTION = 0.05;

    private ScaleTargets() {
    }

    /**
     * @param launch how the spec's nodes start
     * @return the median wall time an example spec stays below: in one JVM 2 s, in node JVMs 5 s
     */
    static long specMillis(LaunchMode launch) {
        return launch == LaunchMode.THREAD ? 2_000 : 5_000;
    }
}
