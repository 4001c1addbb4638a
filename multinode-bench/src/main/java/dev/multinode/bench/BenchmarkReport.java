package dev.multinode.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One benchmark run's results: printed as a table, saved as JSON.
 *
 * @param config          what was measured
 * @param targets         the transport's targets
 * @param harness         the harness ping-pong's round trips
 * @param rawDescription  what the raw baseline measured, or null if the transport has none
 * @param raw             the raw baseline's round trips, or null
 * @param barrier         the barrier intervals
 * @param startup         the start-up samples, or null if none were taken
 * @param restart         the restart calls, or null if none were timed
 * @param pause           the pause calls, or null if none were timed
 * @param resume          the resume calls, or null if none were timed
 * @param scale           the scale rows, example specs and costs
 * @param relay           the relay's rows
 */
record BenchmarkReport(BenchConfig config, Targets targets, LatencyStats harness, String rawDescription,
                       LatencyStats raw, LatencyStats barrier, StartupStats startup, LatencyStats restart,
                       LatencyStats pause, LatencyStats resume, ScaleReport scale, RelayReport relay) {

    /** @return the results as a readable table with the targets' verdicts */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nmultinode harness benchmark: transport %s, launch %s, %d-byte frames, "
                        + "%d cores, Java %s%n", config.transport(), config.launch(), config.pingPong().messageSize(),
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        text.append(String.format(Locale.ROOT, "host load average over the last minute, at the end: %.2f%n", loadAverage()));
        text.append(String.format(Locale.ROOT, "ping-pongs: %d rounds pooled; node JVMs of the ping-pong and barrier runs: %s%n",
                config.rounds(), String.join(" ", HarnessBenchmark.STEADY_STATE_JVM_ARGS)));
        text.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %9s %9s %9s%n", "latency in µs", "count", "min",
                "median", "p90", "p99", "p99.9", "max"));
        row(text, "harness ping-pong round trip", harness);
        if (raw != null) {
            row(text, "raw ping-pong round trip", raw);
        }
        row(text, "barrier, 3 nodes (interval)", barrier);
        if (restart != null) {
            row(text, "restart until its body runs again", restart);
        }
        if (pause != null) {
            row(text, "pause until in force", pause);
            row(text, "resume until in force", resume);
        }
        if (raw != null) {
            double median = ratio(harness.median(), raw.median());
            double p99 = ratio(harness.p99(), raw.p99());
            text.append(String.format(Locale.ROOT, "raw baseline: %s%n", rawDescription));
            text.append(String.format(Locale.ROOT, "harness/raw: median %.2fx, p90 %.2fx, p99 %.2fx (target median <= %.1fx: "
                    + "%s, p99 <= %.0fx: %s)%n", median, ratio(harness.p90(), raw.p90()), p99, targets.ratio(),
                    verdict(median <= targets.ratio()), Targets.P99_RATIO, verdict(p99 <= Targets.P99_RATIO)));
        } else {
            text.append(String.format(Locale.ROOT, "no raw baseline for transport %s yet: no ratio%n", config.transport()));
        }
        text.append(String.format(Locale.ROOT, "barrier median %.2f µs %s%n", barrier.median() / 1e3,
                targets.barrierMedianNanos() == 0 ? "(no target)" : String.format(Locale.ROOT, "(target < %.0f µs): %s",
                        targets.barrierMedianNanos() / 1e3, verdict(barrier.median() < targets.barrierMedianNanos()))));
        double meanToMedian = barrier.mean() / Math.max(1, barrier.median());
        text.append(String.format(Locale.ROOT, "barrier mean %.2f µs, %.2fx the median (target <= %.0fx): %s%n",
                barrier.mean() / 1e3, meanToMedian, ScaleTargets.MEAN_TO_MEDIAN,
                verdict(meanToMedian <= ScaleTargets.MEAN_TO_MEDIAN)));
        if (startup != null) {
            text.append(String.format(Locale.ROOT, "start to all 3 bodies: median %d ms of %d runs (%s ms) %s%n",
                    startup.medianToBodies(), startup.toBodies().size(), StartupStats.list(startup.toBodies()),
                    targets.startupMillis() == 0 ? "(no target)" : String.format(Locale.ROOT, "(target < %d ms): %s",
                            targets.startupMillis(), verdict(startup.medianToBodies() < targets.startupMillis()))));
            text.append(String.format(Locale.ROOT, "whole run of 3 empty bodies: median %d ms (%s ms)%n",
                    startup.medianWholeRun(), StartupStats.list(startup.wholeRun())));
        }
        if (restart != null) {
            text.append(String.format(Locale.ROOT, "restart of one node until its body runs again: median %.2f ms of %d, "
                    + "%s launch %s%n", restart.median() / 1e6, restart.count(), config.launchMode().name().toLowerCase(Locale.ROOT),
                    targets.restartMillis() == 0 ? "(no target)" : String.format(Locale.ROOT, "(target < %d ms): %s",
                            targets.restartMillis(), verdict(restart.median() < targets.restartMillis() * 1_000_000))));
        }
        if (pause != null) {
            pauseOrResume(text, "pause", pause);
            pauseOrResume(text, "resume", resume);
        }
        text.append(scale.table());
        text.append(relay.table());
        return text.toString();
    }

    private void pauseOrResume(StringBuilder text, String call, LatencyStats stats) {
        long target = targets.pauseResumeMillis() * 1_000_000;
        text.append(String.format(Locale.ROOT, "%s returns once in force: median %.2f ms, p99 %.2f ms of %d "
                + "(target <= %d ms each): %s%n", call, stats.median() / 1e6, stats.p99() / 1e6, stats.count(),
                targets.pauseResumeMillis(), verdict(stats.median() <= target && stats.p99() <= target)));
    }

    /** @param met whether a target was met @return the table's word for it */
    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** Appends one latency row in µs. */
    static void row(StringBuilder text, String name, LatencyStats stats) {
        text.append(String.format(Locale.ROOT, "%-34s %9d %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%n", name, stats.count(),
                stats.min() / 1e3, stats.median() / 1e3, stats.p90() / 1e3, stats.p99() / 1e3, stats.p999() / 1e3,
                stats.max() / 1e3));
    }

    /**
     * @return the host's one-minute load average, negative where the platform has none: a run on a
     *     loaded machine says so beside its figures
     */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** @return {@code harness / raw}, with a raw of at least 1 */
    static double ratio(long harness, long raw) {
        return (double) harness / Math.max(1, raw);
    }

    /** @return the results as a JSON object, nanoseconds throughout except where a name says ms */
    String json() {
        PingPongPlan plan = config.pingPong();
        StringBuilder json = new StringBuilder("{\n");
        json.append(String.format(Locale.ROOT, "  \"transport\": \"%s\",%n", escape(config.transport())));
        json.append(String.format(Locale.ROOT, "  \"launch\": \"%s\",%n", escape(config.launch())));
        json.append(String.format(Locale.ROOT, "  \"rounds\": %d,%n", config.rounds()));
        json.append(String.format(Locale.ROOT, "  \"nodeJvmArgs\": \"%s\",%n",
                escape(String.join(" ", HarnessBenchmark.STEADY_STATE_JVM_ARGS))));
        json.append(String.format(Locale.ROOT, "  \"timestamp\": \"%s\",%n", Instant.now()));
        json.append(String.format(Locale.ROOT, "  \"javaVersion\": \"%s\",%n", Runtime.version()));
        json.append(String.format(Locale.ROOT, "  \"availableProcessors\": %d,%n", Runtime.getRuntime().availableProcessors()));
        json.append(String.format(Locale.ROOT, "  \"loadAverage\": %.2f,%n", loadAverage()));
        json.append(String.format(Locale.ROOT, "  \"messageSize\": %d,%n", plan.messageSize()));
        json.append(String.format(Locale.ROOT, "  \"harnessPingPong\": {\"warmup\": %d, %s},%n", plan.warmup(), harness.jsonMembers()));
        if (raw != null) {
            json.append(String.format(Locale.ROOT, "  \"rawPingPong\": {\"baseline\": \"%s\", \"warmup\": %d, %s},%n",
                    escape(rawDescription), plan.warmup(), raw.jsonMembers()));
            json.append(String.format(Locale.ROOT, "  \"ratioHarnessToRaw\": {\"median\": %.3f, \"p90\": %.3f, \"p99\": %.3f},%n",
                    ratio(harness.median(), raw.median()), ratio(harness.p90(), raw.p90()), ratio(harness.p99(), raw.p99())));
        } else {
            json.append("  \"rawPingPong\": null,\n  \"ratioHarnessToRaw\": null,\n");
        }
        json.append(String.format(Locale.ROOT, "  \"barrier\": {\"nodes\": 3, \"warmup\": %d, %s},%n", config.barrierWarmup(),
                barrier.jsonMembers()));
        json.append(String.format(Locale.ROOT, "  \"startup\": %s,%n", startup == null ? "null"
                : "{\"nodes\": 3, " + startup.jsonMembers() + "}"));
        json.append(String.format(Locale.ROOT, "  \"restart\": %s,%n", restart == null ? "null"
                : "{\"launch\": \"" + config.launchMode().name().toLowerCase(Locale.ROOT) + "\", " + restart.jsonMembers() + "}"));
        json.append(String.format(Locale.ROOT, "  \"pause\": %s,%n", pause == null ? "null"
                : "{\"warmup\": " + config.pauseWarmup() + ", " + pause.jsonMembers() + "}"));
        json.append(String.format(Locale.ROOT, "  \"resume\": %s,%n", resume == null ? "null"
                : "{\"warmup\": " + config.pauseWarmup() + ", " + resume.jsonMembers() + "}"));
        json.append("  ").append(scale.jsonMembers()).append(",\n");
        json.append("  \"relay\": {").append(relay.jsonMembers()).append("},\n");
        json.append(String.format(Locale.ROOT, "  \"targets\": {\"ratioMedian\": %.1f, \"ratioP99\": %.1f, \"barrierMedianNs\": %s, "
                + "\"startupMedianMs\": %s, \"restartMedianMs\": %s, \"pauseResumeMs\": %s}%n", targets.ratio(), Targets.P99_RATIO,
                orNull(targets.barrierMedianNanos()),
                orNull(targets.startupMillis()), orNull(targets.restartMillis()), orNull(targets.pauseResumeMillis())));
        return json.append("}\n").toString();
    }

    private static String orNull(long target) {
        return target == 0 ? "null" : Long.toString(target);
    }

    /**
     * Writes {@link #json} to {@code harness-<transport>.json} in the configured folder.
     *
     * @return the file written
     * @throws IOException if it cannot be written
     */
    Path writeJson() throws IOException {
        Files.createDirectories(config.outputDir());
        Path file = config.outputDir().resolve("harness-" + config.transport() + ".json");
        Files.writeString(file, json());
        return file.toAbsolutePath();
    }

    /** @param text any text @return it with backslashes and quotes escaped for a JSON string */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
