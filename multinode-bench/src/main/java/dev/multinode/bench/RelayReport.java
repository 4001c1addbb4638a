package dev.multinode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The relay's rows ({@link RelayBenchmark}) and their targets: a relayed round trip costs at most
 * {@value #RATIO} times the direct one (median and p99), a relay carries at least 1 GB/s, and a
 * partition of five nodes is in force in their relays within {@value #PARTITION_MILLIS} ms (median).
 *
 * @param settings  what was measured
 * @param measured  the two-node run's figures
 * @param partition each partition call of five nodes until in force, or null if not measured
 */
record RelayReport(RelayBenchmark.Settings settings, Measured measured, LatencyStats partition) {

    /**
     * What node-a measured, handed from its body to the benchmark through files.
     *
     * @param direct      round trips straight to the echo, in nanoseconds
     * @param relayed     round trips through the relay, in nanoseconds
     * @param directRate  bytes a second written straight to the sink
     * @param relayedRate bytes a second through the relay
     * @param idleShare   the share of one core the relay thread used over an idle second after activity
     */
    record Measured(Histogram direct, Histogram relayed, double directRate, double relayedRate, double idleShare) {

        void write(Path folder) throws IOException {
            Histograms.write(direct, folder.resolve("direct.hgrm"));
            Histograms.write(relayed, folder.resolve("relayed.hgrm"));
            Files.writeString(folder.resolve("rates.txt"), directRate + " " + relayedRate + " " + idleShare);
        }

        static Measured read(Path folder, String writer) throws IOException {
            String[] rates = Files.readString(folder.resolve("rates.txt")).trim().split(" ");
            return new Measured(Histograms.read(folder.resolve("direct.hgrm"), writer),
                    Histograms.read(folder.resolve("relayed.hgrm"), writer), Double.parseDouble(rates[0]),
                    Double.parseDouble(rates[1]), Double.parseDouble(rates[2]));
        }
    }

    /** The relayed round trip's target, in times the direct one. */
    static final double RATIO = 1.3;
    /** The relay's throughput target, bytes a second. */
    static final double RATE = 1e9;
    /** The partition's target, milliseconds (median). */
    static final long PARTITION_MILLIS = 5;

    /** @return the rows and verdicts, as the benchmark's table shows them */
    String table() {
        StringBuilder text = new StringBuilder();
        LatencyStats direct = LatencyStats.of(measured.direct());
        LatencyStats relayed = LatencyStats.of(measured.relayed());
        double directRate = measured.directRate();
        double relayedRate = measured.relayedRate();
        text.append(String.format(Locale.ROOT, "relay: %d-byte echo round trips to node-b's endpoint from node-a, blocking "
                + "sockets, %d rounds pooled%n", settings.messageSize(), settings.rounds()));
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
                RelayBenchmark.IDLE.toSeconds(), measured.idleShare() * 100));
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
        LatencyStats direct = LatencyStats.of(measured.direct());
        LatencyStats relayed = LatencyStats.of(measured.relayed());
        return String.format(Locale.ROOT, "\"messageSize\": %d, \"rounds\": %d, \"warmup\": %d, "
                + "\"direct\": {%s}, \"relayed\": {%s}, \"ratio\": {\"median\": %.3f, \"p99\": %.3f}, \"writeSize\": %d, "
                + "\"throughputBytes\": %d, \"directBytesPerSecond\": %.0f, \"relayedBytesPerSecond\": %.0f, "
                + "\"idleCoreShare\": %.4f, \"partition\": %s, \"targets\": {\"ratio\": %.1f, \"bytesPerSecond\": %.0f, "
                + "\"partitionMillis\": %d}",
                settings.messageSize(), settings.rounds(), settings.warmup(), direct.jsonMembers(),
                relayed.jsonMembers(), BenchmarkReport.ratio(relayed.median(), direct.median()), BenchmarkReport.ratio(relayed.p99(), direct.p99()),
                settings.writeSize(), settings.throughputBytes(), measured.directRate(), measured.relayedRate(),
                measured.idleShare(),
                partition == null ? "null" : "{" + partition.jsonMembers() + "}", RATIO, RATE, PARTITION_MILLIS);
    }
}
