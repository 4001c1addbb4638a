package dev.multinode.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures the report shows of one latency histogram, in nanoseconds.
 *
 * @param count  values recorded
 * @param min    smallest
 * @param median 50th percentile
 * @param p90    90th percentile
 * @param p99    99th percentile
 * @param p999   99.9th percentile
 * @param max    largest
 * @param mean   arithmetic mean
 */
record LatencyStats(long count, long min, long median, long p90, long p99, long p999, long max, double mean) {

    /**
     * @param histogram latencies in nanoseconds
     * @return its figures
     */
    static LatencyStats of(Histogram histogram) {
        return new LatencyStats(histogram.getTotalCount(), histogram.getMinValue(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue(), histogram.getMean());
    }

    /** @return the figures as the members of a JSON object, without braces */
    String jsonMembers() {
        return String.format(Locale.ROOT, "\"count\": %d, \"minNs\": %d, \"medianNs\": %d, \"p90Ns\": %d, "
                + "\"p99Ns\": %d, \"p999Ns\": %d, \"maxNs\": %d, \"meanNs\": %.1f",
                count, min, median, p90, p99, p999, max, mean);
    }
}
