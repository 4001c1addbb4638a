package dev.multinode.bench;

import dev.multinode.MultiNodeFailure;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.specs.PubSubSpec;
import dev.multinode.examples.specs.ShardingRebalanceSpec;
import dev.multinode.examples.specs.SingletonFailoverSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Seeds per second of the {@code sim} transport: each of the three example specs explored over
 * {@value #SEEDS_PROPERTY} seeds (default {@value #DEFAULT_SEEDS}) in one call, as
 * {@code -Dmultinode.sim.seeds} makes a spec do, timed end to end. The target: the three specs over
 * 1000 seeds each within {@value #TARGET_SECONDS} s on this machine. {@code bench.sim.only=true}
 * measures only this and writes {@code sim.json}.
 */
final class SimSeedRate {

    /** Measures only the seed rate. */
    static final String ONLY = "bench.sim.only";
    /** Seeds per spec. */
    static final String SEEDS_PROPERTY = "bench.sim.seeds";
    private static final int DEFAULT_SEEDS = 1000;
    private static final int TARGET_SECONDS = 60;
    private static final String EXPLORED_SEEDS = "multinode.sim.seeds";

    private record Spec(String name, Consumer<UnaryOperator<SpecBuilder>> runner) {
    }

    /**
     * One spec's exploration.
     *
     * @param spec   the spec
     * @param seeds  how many seeds it ran
     * @param millis the exploration's wall time
     * @param failed the first line of the failure, or null if every seed passed
     */
    record Row(String spec, int seeds, long millis, String failed) {

        double seedsPerSecond() {
            return seeds * 1000.0 / Math.max(1, millis);
        }
    }

    private static final List<Spec> SPECS = List.of(new Spec("sharding rebalance", ShardingRebalanceSpec::run),
            new Spec("pub-sub across nodes", PubSubSpec::run), new Spec("singleton failover", SingletonFailoverSpec::run));

    private SimSeedRate() {
    }

    /**
     * @param seeds seeds per spec
     * @return one row per spec
     */
    static List<Row> run(int seeds) {
        String before = System.getProperty(EXPLORED_SEEDS);
        System.setProperty(EXPLORED_SEEDS, Integer.toString(seeds));
        try {
            List<Row> rows = new ArrayList<>();
            for (Spec spec : SPECS) {
                System.out.printf("sim: %s over %d seeds%n", spec.name(), seeds);
                long started = System.nanoTime();
                String failed = null;
                try {
                    spec.runner().accept(builder -> builder.name("SimSeedRate-" + spec.name().replace(' ', '-'))
                            .transport("sim"));
                } catch (MultiNodeFailure failure) {
                    failed = String.valueOf(failure.getMessage()).lines().findFirst().orElse(failure.toString());
                }
                rows.add(new Row(spec.name(), seeds, (System.nanoTime() - started) / 1_000_000, failed));
            }
            return rows;
        } finally {
            if (before == null) {
                System.clearProperty(EXPLORED_SEEDS);
            } else {
                System.setProperty(EXPLORED_SEEDS, before);
            }
        }
    }

    /**
     * @param rows the measured rows
     * @return the table, with the total against the target scaled to the seeds run
     */
    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %10s %10s  %s%n", "sim spec", "seeds",
                "wall s", "seeds/s", "result"));
        long total = 0;
        for (Row row : rows) {
            total += row.millis();
            table.append(String.format(Locale.ROOT, "%-22s %8d %10.1f %10.1f  %s%n", row.spec(), row.seeds(),
                    row.millis() / 1e3, row.seedsPerSecond(), row.failed() == null ? "passed" : "FAILED: " + row.failed()));
        }
        int seeds = rows.isEmpty() ? 0 : rows.get(0).seeds();
        double projected = total / 1e3 * DEFAULT_SEEDS / Math.max(1, seeds);
        table.append(String.format(Locale.ROOT, "three specs x %d seeds: %.1f s in all (%.1f s for 1000 each; target < %d s:"
                + " %s)%n", seeds, total / 1e3, projected, TARGET_SECONDS, projected < TARGET_SECONDS ? "met" : "missed"));
        return table.toString();
    }

    /**
     * @param rows   the measured rows
     * @param folder where to write {@code sim.json}
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path writeJson(List<Row> rows, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("sim.json");
        String members = rows.stream().map(row -> String.format(Locale.ROOT,
                        "{\"spec\": \"%s\", \"seeds\": %d, \"wallMillis\": %d, \"seedsPerSecond\": %.1f, \"passed\": %b}",
                        row.spec(), row.seeds(), row.millis(), row.seedsPerSecond(), row.failed() == null))
                .collect(Collectors.joining(",\n    "));
        Files.writeString(file, "{\n  \"targetSeconds\": " + TARGET_SECONDS + ",\n  \"rows\": [\n    " + members + "\n  ]\n}\n");
        return file.toAbsolutePath();
    }

    /**
     * @param value the property's value, or null
     * @return the seeds per spec
     * @throws IllegalArgumentException naming the value if it is not a positive whole number
     */
    static int seeds(String value) {
        String text = value == null ? Integer.toString(DEFAULT_SEEDS) : value.trim();
        try {
            int seeds = Integer.parseInt(text);
            if (seeds > 0) {
                return seeds;
            }
        } catch (NumberFormatException notANumber) {
            // the error below names the value
        }
        throw new IllegalArgumentException("Invalid " + SEEDS_PROPERTY + " '" + text + "': accepted is a whole number from 1");
    }
}
