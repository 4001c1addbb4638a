package dev.multinode.bench;

import dev.multinode.LaunchMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The part of the report that grows with the number of nodes, what a user sees of the example specs
 * and what waiting nodes cost, printed and saved beside the rest. Empty lists and nulls are parts
 * not measured in this run.
 *
 * @param groups        the scale rows, one group per launch mode
 * @param specLaunch    how the example specs' nodes started
 * @param specs         the example specs' wall times
 * @param idleCpu       the shares of one core a 3-node thread run waiting at a barrier used, and the JVM without it
 * @param memoryNodes   how many thread nodes the memory figure held, or 0
 * @param heapPerNode   heap bytes per thread node, or null
 * @param rssPerProcessNode the median resident set of a process node in bytes, or null
 */
record ScaleReport(List<ScaleGroup> groups, LaunchMode specLaunch, List<ExampleSpecTimes.Times> specs,
                   IdleCpu.Shares idleCpu, int memoryNodes, Long heapPerNode, Long rssPerProcessNode) {

    ScaleReport {
        groups = List.copyOf(groups);
        specs = List.copyOf(specs);
    }

    /** @return the scale rows, spec times and costs with the targets' verdicts */
    String table() {
        StringBuilder text = new StringBuilder();
        for (ScaleGroup group : groups) {
            groupTable(text, group);
        }
        if (!specs.isEmpty()) {
            long target = ScaleTargets.specMillis(specLaunch);
            text.append(String.format(Locale.ROOT, "%nexample specs end to end, %s launch (median wall time, target < %d ms)%n",
                    mode(specLaunch), target));
            for (ExampleSpecTimes.Times times : specs) {
                boolean met = times.passed() == times.millis().size() && times.median() < target;
                text.append(String.format(Locale.ROOT, "%-24s median %6d ms (%s ms), %d/%d passed: %s%n", times.spec(),
                        times.median(), StartupStats.list(times.millis()), times.passed(), times.millis().size(),
                        BenchmarkReport.verdict(met)));
            }
        }
        text.append(String.format(Locale.ROOT, "%ncosts%n"));
        text.append(String.format(Locale.ROOT, "CPU of a 3-node thread run waiting at a barrier for %d s: %.1f %% of a core "
                + "(target < %.0f %%): %s; the JVM without a run, just before: %.1f %%%n", IdleCpu.IDLE.toSeconds(),
                idleCpu.withNodes() * 100, ScaleTargets.IDLE_CORE_FRACTION * 100,
                BenchmarkReport.verdict(idleCpu.withNodes() < ScaleTargets.IDLE_CORE_FRACTION), idleCpu.withoutNodes() * 100));
        if (heapPerNode != null) {
            text.append(String.format(Locale.ROOT, "heap per thread node, %d nodes waiting at a barrier, after a full GC: "
                    + "%d KiB (no target)%n", memoryNodes, heapPerNode / 1024));
        }
        if (rssPerProcessNode != null) {
            text.append(String.format(Locale.ROOT, "resident set of a process node, %d nodes waiting at a barrier: median %d MiB "
                    + "(no target)%n", NodeMemory.PROCESS_NODES, rssPerProcessNode / (1024 * 1024)));
        }
        return text.toString();
    }

    private static void groupTable(StringBuilder text, ScaleGroup group) {
        String mode = mode(group.launch());
        text.append(String.format(Locale.ROOT, "%nscale, %s launch: barrier interval in µs, times in ms%n", mode));
        text.append(String.format(Locale.ROOT, "%6s %9s %9s %9s %11s %9s %9s%n", "nodes", "median", "mean", "p99",
                "mean/median", "start", "whole run"));
        for (ScaleRow row : group.rows()) {
            double meanToMedian = row.barrier().mean() / Math.max(1, row.barrier().median());
            text.append(String.format(Locale.ROOT, "%6d %9.2f %9.2f %9.2f %10.2fx %9d %9d  mean within %.0fx median: %s%n",
                    row.nodes(), row.barrier().median() / 1e3, row.barrier().mean() / 1e3, row.barrier().p99() / 1e3,
                    meanToMedian, row.startup().medianToBodies(), row.startup().medianWholeRun(),
                    ScaleTargets.MEAN_TO_MEDIAN, BenchmarkReport.verdict(meanToMedian <= ScaleTargets.MEAN_TO_MEDIAN)));
        }
        group.skipped().forEach(line -> text.append(line).append('\n'));
        text.append(String.format(Locale.ROOT, "growth exponent k of cost ~ N^k, %s launch (target <= %.1f): barrier median %s, "
                + "start %s, whole run %s%n", mode, ScaleTargets.MAX_GROWTH, growth(group.barrierGrowth()),
                growth(group.startupGrowth()), growth(group.wholeRunGrowth())));
        if (group.launch() == LaunchMode.THREAD) {
            cliffs(text, group);
        }
        for (ScaleRow row : group.rows()) {
            if (group.launch() == LaunchMode.THREAD && row.nodes() == ScaleTargets.THREAD_BARRIER_NODES) {
                barrierTarget(text, row, mode, ScaleTargets.THREAD_BARRIER_NANOS);
            }
            if (group.launch() == LaunchMode.PROCESS && row.nodes() == ScaleTargets.PROCESS_NODES) {
                barrierTarget(text, row, mode, ScaleTargets.PROCESS_BARRIER_NANOS);
                text.append(String.format(Locale.ROOT, "start of %d %s nodes: median %d ms (target < %d ms): %s%n",
                        row.nodes(), mode, row.startup().medianToBodies(), ScaleTargets.PROCESS_STARTUP_MILLIS,
                        BenchmarkReport.verdict(row.startup().medianToBodies() < ScaleTargets.PROCESS_STARTUP_MILLIS)));
            }
        }
    }

    /** The rows of the node counts that {@link ScaleTargets#CLIFF_RATIOS} names, against the smallest count's. */
    private static void cliffs(StringBuilder text, ScaleGroup group) {
        ScaleRow base = group.rows().stream().filter(row -> row.nodes() == ScaleTargets.CLIFF_BASE_NODES).findFirst()
                .orElse(null);
        if (base == null) {
            return;
        }
        for (ScaleRow row : group.rows()) {
            Double limit = ScaleTargets.CLIFF_RATIOS.get(row.nodes());
            if (limit != null) {
                double times = (double) row.barrier().median() / Math.max(1, base.barrier().median());
                text.append(String.format(Locale.ROOT, "barrier median at %d thread nodes: %.2fx the %d-node one "
                        + "(target <= %.0fx): %s%n", row.nodes(), times, base.nodes(), limit,
                        BenchmarkReport.verdict(times <= limit)));
            }
        }
    }

    private static void barrierTarget(StringBuilder text, ScaleRow row, String mode, long targetNanos) {
        text.append(String.format(Locale.ROOT, "barrier median at %d %s nodes: %.2f µs (target < %.0f µs): %s%n",
                row.nodes(), mode, row.barrier().median() / 1e3, targetNanos / 1e3,
                BenchmarkReport.verdict(row.barrier().median() < targetNanos)));
    }

    private static String growth(double exponent) {
        return Double.isNaN(exponent) ? "n/a (fewer than 2 counts)"
                : String.format(Locale.ROOT, "%.2f %s", exponent, BenchmarkReport.verdict(exponent <= ScaleTargets.MAX_GROWTH));
    }

    private static String mode(LaunchMode launch) {
        return launch.name().toLowerCase(Locale.ROOT);
    }

    /** @return the JSON members {@code scale}, {@code exampleSpecs} and {@code costs}, without braces */
    String jsonMembers() {
        String scale = groups.stream().map(ScaleReport::groupJson).collect(Collectors.joining(", ", "{", "}"));
        String specJson = specs.isEmpty() ? "null" : String.format(Locale.ROOT, "{\"launch\": \"%s\", \"targetMedianMs\": %d, "
                + "\"specs\": [%s]}", mode(specLaunch), ScaleTargets.specMillis(specLaunch), specs.stream()
                .map(times -> String.format(Locale.ROOT, "{\"name\": \"%s\", \"medianMs\": %d, \"runsMs\": [%s], \"passed\": %d}",
                        BenchmarkReport.escape(times.spec()), times.median(), StartupStats.list(times.millis()), times.passed()))
                .collect(Collectors.joining(", ")));
        String costs = String.format(Locale.ROOT, "{\"idleMs\": %d, \"idleCpuCoreFraction\": %.4f, "
                + "\"idleCpuCoreFractionWithoutRun\": %.4f, \"idleCpuTarget\": %.2f, "
                + "\"memoryThreadNodes\": %d, \"heapBytesPerThreadNode\": %s, \"memoryProcessNodes\": %d, "
                + "\"residentBytesPerProcessNode\": %s}", IdleCpu.IDLE.toMillis(), idleCpu.withNodes(),
                idleCpu.withoutNodes(), ScaleTargets.IDLE_CORE_FRACTION, memoryNodes, orNull(heapPerNode),
                NodeMemory.PROCESS_NODES, orNull(rssPerProcessNode));
        return String.format(Locale.ROOT, "\"scale\": %s,%n  \"exampleSpecs\": %s,%n  \"costs\": %s",
                groups.isEmpty() ? "null" : scale, specJson, costs);
    }

    private static String groupJson(ScaleGroup group) {
        String rows = group.rows().stream().map(row -> String.format(Locale.ROOT,
                "{\"nodes\": %d, \"barrier\": {%s}, \"startup\": {%s}}", row.nodes(), row.barrier().jsonMembers(),
                row.startup().jsonMembers())).collect(Collectors.joining(", "));
        String skipped = group.skipped().stream().map(line -> "\"" + BenchmarkReport.escape(line) + "\"")
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "\"%s\": {\"rows\": [%s], \"skipped\": [%s], \"growthExponent\": "
                + "{\"barrierMedian\": %s, \"startupMedian\": %s, \"wholeRunMedian\": %s}}", mode(group.launch()), rows,
                skipped, number(group.barrierGrowth()), number(group.startupGrowth()), number(group.wholeRunGrowth()));
    }

    private static String orNull(Long value) {
        return value == null ? "null" : value.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }
}
