package dev.multinode.bench;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What one benchmark run measures, from system properties: the transport and launch mode (as in
 * specs, {@code multinode.transport}, default {@code inproc}, and {@code multinode.launch}, default
 * the transport's own) and the {@code bench.*} counts.
 *
 * @param transport      the transport's name
 * @param launch         the launch mode as given, or {@code default}
 * @param pingPong       the ping-pong's message size and counts
 * @param barrierWarmup  barriers passed before measuring
 * @param barrierMeasured barrier intervals measured
 * @param startupRuns    runs of three empty bodies timed for start-up; 0 skips it
 * @param rounds         how many times the harness and raw ping-pongs alternate; their samples are pooled
 * @param outputDir      where the JSON report goes
 */
record BenchConfig(String transport, String launch, PingPongPlan pingPong, int barrierWarmup, int barrierMeasured,
                   int startupRuns, int rounds, Path outputDir) {

    static final String MESSAGE_SIZE = "bench.messageSize";
    static final String PING_PONG_WARMUP = "bench.pingPong.warmup";
    static final String PING_PONG_MEASURED = "bench.pingPong.measured";
    static final String BARRIER_WARMUP = "bench.barrier.warmup";
    static final String BARRIER_MEASURED = "bench.barrier.measured";
    static final String STARTUP_RUNS = "bench.startup.runs";
    static final String ROUNDS = "bench.rounds";
    static final String OUTPUT_DIR = "bench.outputDir";

    /**
     * @param properties usually {@link System#getProperties()}
     * @return the configuration
     * @throws IllegalArgumentException naming the property and the accepted values if one is wrong
     */
    static BenchConfig from(Properties properties) {
        PingPongPlan plan;
        try {
            plan = new PingPongPlan(integer(properties, MESSAGE_SIZE, 32), integer(properties, PING_PONG_WARMUP, 50_000),
                    integer(properties, PING_PONG_MEASURED, 200_000));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad ping-pong settings (" + MESSAGE_SIZE + ", " + PING_PONG_WARMUP + ", "
                    + PING_PONG_MEASURED + "): " + e.getMessage(), e);
        }
        int barrierWarmup = integer(properties, BARRIER_WARMUP, 2_000);
        int barrierMeasured = integer(properties, BARRIER_MEASURED, 20_000);
        if (barrierWarmup < 0 || barrierMeasured < 1) {
            throw new IllegalArgumentException(BARRIER_WARMUP + "=" + barrierWarmup + ", " + BARRIER_MEASURED + "="
                    + barrierMeasured + ": accepted a warm-up of 0 or more and 1 or more measured barriers");
        }
        int startupRuns = integer(properties, STARTUP_RUNS, 5);
        if (startupRuns < 0) {
            throw new IllegalArgumentException(STARTUP_RUNS + "=" + startupRuns + ": accepted 0 (skip) or more runs");
        }
        int rounds = integer(properties, ROUNDS, 3);
        if (rounds < 1) {
            throw new IllegalArgumentException(ROUNDS + "=" + rounds + ": accepted 1 or more rounds");
        }
        return new BenchConfig(properties.getProperty("multinode.transport", "inproc").trim(),
                properties.getProperty("multinode.launch", "default").trim(), plan, barrierWarmup, barrierMeasured,
                startupRuns, rounds, Path.of(properties.getProperty(OUTPUT_DIR, "target/benchmarks")));
    }

    private static int integer(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }
}
