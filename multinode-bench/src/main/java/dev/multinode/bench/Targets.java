package dev.multinode.bench;

/**
 * What the harness should achieve on one transport, on these 2-core machines. Zero means no target.
 *
 * @param ratio              the harness round trip's median may cost at most this many times the raw one
 * @param barrierMedianNanos the 3-node barrier's median interval must stay below this
 * @param startupMillis      the median time from the spec's {@code run} call until the last of 3 bodies
 *                           starts must stay below this
 */
record Targets(double ratio, long barrierMedianNanos, long startupMillis) {

    /** The same ratio for every transport: the harness may add half of the raw cost. */
    static final double RATIO = 1.5;

    /**
     * @param transport a transport name
     * @return its targets; an unknown transport gets only the ratio
     */
    static Targets forTransport(String transport) {
        return switch (transport) {
            case "inproc" -> new Targets(RATIO, 10_000, 0);
            case "chronicle" -> new Targets(RATIO, 50_000, 1_500);
            case "tcp" -> new Targets(RATIO, 300_000, 0);
            default -> new Targets(RATIO, 0, 0);
        };
    }
}
