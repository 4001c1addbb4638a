package dev.multinode.bench;

import dev.multinode.LaunchMode;

/**
 * What the harness should achieve on one transport and launch mode, on these 2-core machines. Zero
 * means no target.
 *
 * @param ratio              the harness round trip's median may cost at most this many times the raw one
 *                           (and its p99 at most {@link #P99_RATIO} times the raw p99)
 * @param barrierMedianNanos the 3-node barrier's median interval must stay below this
 * @param startupMillis      the median time from the spec's {@code run} call until the last of 3 bodies
 *                           starts must stay below this
 * @param restartMillis      the median restart call, which returns once the new body runs, must stay
 *                           below this
 * @param pauseResumeMillis  the median and p99 of the pause call and of the resume call must each stay
 *                           at or below this
 */
record Targets(double ratio, long barrierMedianNanos, long startupMillis, long restartMillis, long pauseResumeMillis) {

    /** The same ratio for every transport (issue 15): the harness may add 30 % to the raw median. */
    static final double RATIO = 1.3;
    /** The harness round trip's p99 may cost at most this many times the raw p99. */
    static final double P99_RATIO = 3.0;
    /** Pausing and resuming is a control message and an acknowledgement, in any launch mode. */
    static final long PAUSE_RESUME_MILLIS = 10;

    /**
     * @param transport a transport name
     * @param launch    the launch mode the runs use
     * @return their targets; an unknown transport gets only the ratio and the lifecycle targets
     */
    static Targets of(String transport, LaunchMode launch) {
        // a process restart starts a JVM, a thread restart only a node
        long restartMillis = switch (launch) {
            case THREAD -> 50;
            case PROCESS -> 1_000;
            case EXTERNAL -> 0;
        };
        return switch (transport) {
            case "inproc" -> new Targets(RATIO, 10_000, 0, restartMillis, PAUSE_RESUME_MILLIS);
            case "chronicle" -> new Targets(RATIO, 25_000, 1_500, restartMillis, PAUSE_RESUME_MILLIS);
            case "tcp" -> new Targets(RATIO, 100_000, 0, restartMillis, PAUSE_RESUME_MILLIS);
            default -> new Targets(RATIO, 0, 0, restartMillis, PAUSE_RESUME_MILLIS);
        };
    }
}
