package dev.multinode.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The start-up samples of one benchmark run, in milliseconds, in the order measured: the first ran
 * in a JVM that had not run a spec before.
 *
 * @param toBodies from the {@code run} call until all bodies had started
 * @param wholeRun from the {@code run} call until it returned
 */
record StartupStats(List<Long> toBodies, List<Long> wholeRun) {

    /** @throws IllegalArgumentException if there are no samples or the lists differ in length */
    StartupStats {
        if (toBodies.isEmpty() || toBodies.size() != wholeRun.size()) {
            throw new IllegalArgumentException("Start-up needs one or more samples of both kinds, got "
                    + toBodies.size() + " and " + wholeRun.size());
        }
        toBodies = List.copyOf(toBodies);
        wholeRun = List.copyOf(wholeRun);
    }

    /**
     * @param samples the samples
     * @return their figures
     */
    static StartupStats of(List<StartupTime.Sample> samples) {
        return new StartupStats(samples.stream().map(StartupTime.Sample::toBodies).toList(),
                samples.stream().map(StartupTime.Sample::wholeRun).toList());
    }

    /** @return the median time until all bodies had started; of an even count, the mean of the middle two */
    long medianToBodies() {
        return median(toBodies);
    }

    /** @return the median time of the whole run */
    long medianWholeRun() {
        return median(wholeRun);
    }

    /**
     * @param values one or more values
     * @return their median; of an even count, the mean of the middle two
     */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** @param values milliseconds @return them comma-separated */
    static String list(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** @return the figures as the members of a JSON object, without braces */
    String jsonMembers() {
        return String.format(Locale.ROOT, "\"runs\": %d, \"medianToBodiesMs\": %d, \"toBodiesMs\": [%s], "
                + "\"medianWholeRunMs\": %d, \"wholeRunMs\": [%s]", toBodies.size(), medianToBodies(), list(toBodies),
                medianWholeRun(), list(wholeRun));
    }
}
