package dev.multinode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The relay's rows ({@link RelayBenchmark}) and their targets: a relayed round trip costs at most
 * {@value #RATIO} times the direct one (median and p99), a relay carries at least 1 GB/s, and a
 * partition of five nodes is in force in their relays within {@value #PARTITION_MILLIS} ms (median).
 *
 * @param settings     what was measured
 * @param direct       round trips straight to the echo
 * @param relayed      round trips through the relay
 * @param directRate   bytes a second written straight to the sink
 * @param relayedRate  bytes a second through the relay
 * @param idleShare    the share of one core the relay thread used over an idle second after activity
 * @param partition    each partition call of five nodes until in force, or null if not measured
 */
record RelayReport(RelayBenchmark.Settings settings, LatencyStats direct, LatencyStats relayed, double directRate,
                   double relayedRate, double idleShare, LatencyStats partition) {

    /** The relayed round trip's target, in times the direct one. */
    static final double RATIO = 1.3;
    /** The relay's throughput target, bytes a second. */
    static final double RATE = 1e9;
    /** The partition's target, milliseconds (median). */
    static final long PARTITION_MILLIS = 5;

    /** @return the rows and verdicts, as the benchmark's table shows them */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "relay: %d-byte echo round trips, blocking sockets, %d rounds pooled, relay spin %s, chunks %s%n",
                settings.messageSize(), settings.rounds(), settings.spinSelects() < 0 ? "default" : settings.spinSelects() + " selects",
                settings.chunkSize() < 0 ? "default" : (settings.chunkSize() >> 10) + " KiB"));
        text.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %9s %9s %9s%n", "latency in µs", "count", "min",
                "median", "p90", "p99", "p99.9", "max"));
        BenchmarkReport.row(text, "direct echo round trip", direct);
        BenchmarkReport.row(text, "echo round trip through a relay", relayed);
        double median = BenchmarkReport.ratio(relayed.median(), direct.median());
        double p99 = BenchmarkReport.ratio(relayed.p99(), direct.p99());
        text.append(String.format(Locale.ROOT, "relayed/direct: median %.2fx (target <= %.1fx): %s, p99 %.2fx (target <= %.1fx): %s%n",
                median, RATIO, BenchmarkReport.verdict(median <= RATIO), p99, RATIO, BenchmarkReport.verdict(p99 <= RATIO)));
        text.append(String.format(Locale.ROOT, "throughput in %d KiB writes: through a relay %.2f GB/s (target >= %.1f GB/s): %s; "
                + "direct %.2f GB/s%n", settings.writeSize() >> 10, relayedRate / 1e9, RATE / 1e9,
                BenchmarkReport.verdict(relayedRate >= RATE), directRate / 1e9));
        text.append(String.format(Locale.ROOT, "relay thread CPU over an idle %d s after a round trip: %.2f%% of a core%n",
                RelayBenchmark.IDLE.toSeconds(), idleShare * 100));
        if (partition != null) {
            BenchmarkReport.row(text, "partition of 5 nodes, until in force", partition);
            text.append(String.format(Locale.ROOT, "partition median %.2f ms (target < %d ms): %s%n", partition.median() / 1e6,
                    PARTITION_MILLIS, BenchmarkReport.verdict(partition.median() < PARTITION_MILLIS * 1e6)));
        }
        return text.toString();
    }

    /**
     * Writes the rows alone to {@code relay.json} in {@code folder}: a run of only these rows.
     *
     * @return the file written
     */
    Path writeJson(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("relay.json");
        Files.writeString(file, "{\n  " + jsonMembers() + "\n}\n");
        return file.toAbsolutePath();
    }

    /** @return the rows as the members of a JSON object, without braces */
    String jsonMembers() {
        return String.format(Locale.ROOT, "\"messageSize\": %d, \"rounds\": %d, \"warmup\": %d, \"spinSelects\": %d, \"chunkSize\": %d, "
                + "\"direct\": {%s}, \"relayed\": {%s}, \"ratio\": {\"median\": %.3f, \"p99\": %.3f}, \"writeSize\": %d, "
                + "\"throughputBytes\": %d, \"directBytesPerSecond\": %.0f, \"relayedBytesPerSecond\": %.0f, "
                + "\"idleCoreShare\": %.4f, \"partition\": %s, \"targets\": {\"ratio\": %.1f, \"bytesPerSecond\": %.0f, "
                + "\"partitionMillis\": %d}",
                settings.messageSize(), settings.rounds(), settings.warmup(), settings.spinSelects(), settings.chunkSize(), direct.jsonMembers(),
                relayed.jsonMembers(), BenchmarkReport.ratio(relayed.median(), direct.median()), BenchmarkReport.ratio(relayed.p99(), direct.p99()),
                settings.writeSize(), settings.throughputBytes(), directRate, relayedRate, idleShare,
                partition == null ? "null" : "{" + partition.jsonMembers() + "}", RATIO, RATE, PARTITION_MILLIS);
    }
}
