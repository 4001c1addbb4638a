package dev.multinode.examples.specs;

import dev.multinode.testkit.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The program's summary: one row per spec and mode, with its passes and wall times. */
final class ResultTable {

    private static final String ROW = "%-22s %-18s %-14s %s%n";

    private final List<String> rows = new ArrayList<>();
    private int failedRuns;

    /**
     * Adds the runs of one spec in one mode.
     *
     * @param spec   the spec's title
     * @param mode   where it ran
     * @param passed how many runs passed
     * @param millis each run's wall time, passed or not
     */
    void add(String spec, Mode mode, int passed, long[] millis) {
        int runs = millis.length;
        failedRuns += runs - passed;
        String result = runs == 1 ? (passed == 1 ? "passed" : "FAILED") : passed + "/" + runs + " passed";
        rows.add(String.format(Locale.ROOT, ROW, spec, mode, result, wallTime(millis)));
    }

    /** @return whether every run passed */
    boolean allPassed() {
        return failedRuns == 0;
    }

    /** @return the table, with a header */
    String render() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, ROW, "spec", "transport/launch", "result",
                "wall time"));
        rows.forEach(table::append);
        return table.toString();
    }

    /** One run: its time; several: the median and the range. */
    private static String wallTime(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) {
            return seconds(sorted[0]);
        }
        return "median " + seconds(sorted[sorted.length / 2]) + " (" + seconds(sorted[0]) + " to "
                + seconds(sorted[sorted.length - 1]) + ")";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
