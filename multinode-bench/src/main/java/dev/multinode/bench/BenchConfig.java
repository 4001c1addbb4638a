package dev.multinode.bench;

import dev.multinode.LaunchMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * @param restarts       restarts of one node timed; 0 skips them
 * @param pauseWarmup    pause-resume pairs before measuring
 * @param pauseMeasured  pause-resume pairs timed; 0 skips them
 * @param scale          the scale rows, or null unless {@code bench.scale=true}
 * @param specRuns       runs of each example spec timed end to end; 0 skips them
 * @param memoryNodes    thread nodes of the memory-per-node run; 0 skips it
 * @param outputDir      where the JSON report goes
 */
record BenchConfig(String transport, String launch, PingPongPlan pingPong, int barrierWarmup, int barrierMeasured,
                   int startupRuns, int rounds, int restarts, int pauseWarmup, int pauseMeasured, ScalePlan scale,
                   int specRuns, int memoryNodes, Path outputDir) {

    static final String MESSAGE_SIZE = "bench.messageSize";
    static final String PING_PONG_WARMUP = "bench.pingPong.warmup";
    static final String PING_PONG_MEASURED = "bench.pingPong.measured";
    static final String BARRIER_WARMUP = "bench.barrier.warmup";
    static final String BARRIER_MEASURED = "bench.barrier.measured";
    static final String STARTUP_RUNS = "bench.startup.runs";
    static final String ROUNDS = "bench.rounds";
    static final String RESTARTS = "bench.restart.count";
    static final String PAUSE_WARMUP = "bench.pause.warmup";
    static final String PAUSE_MEASURED = "bench.pause.measured";
    static final String OUTPUT_DIR = "bench.outputDir";
    /** {@code true} adds the scale rows, the example specs' wall times and memory per node. */
    static final String SCALE = "bench.scale";
    static final String SCALE_THREAD_NODES = "bench.scale.threadNodes";
    static final String SCALE_PROCESS_NODES = "bench.scale.processNodes";
    static final String SCALE_BARRIER_WARMUP = "bench.scale.barrier.warmup";
    static final String SCALE_BARRIER_MEASURED = "bench.scale.barrier.measured";
    static final String SCALE_STARTUP_RUNS = "bench.scale.startup.runs";
    static final String SPEC_RUNS = "bench.specs.runs";
    static final String MEMORY_NODES = "bench.memory.nodes";

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
        int restarts = integer(properties, RESTARTS, 10);
        if (restarts < 0) {
            throw new IllegalArgumentException(RESTARTS + "=" + restarts + ": accepted 0 (skip) or more restarts");
        }
        int pauseWarmup = integer(properties, PAUSE_WARMUP, 20);
        int pauseMeasured = integer(properties, PAUSE_MEASURED, 200);
        if (pauseWarmup < 0 || pauseMeasured < 0) {
            throw new IllegalArgumentException(PAUSE_WARMUP + "=" + pauseWarmup + ", " + PAUSE_MEASURED + "="
                    + pauseMeasured + ": accepted a warm-up of 0 or more and 0 (skip) or more measured pauses");
        }
        boolean scaleOn = Boolean.parseBoolean(properties.getProperty(SCALE, "false").trim());
        ScalePlan scale = null;
        if (scaleOn) {
            try {
                scale = new ScalePlan(counts(properties, SCALE_THREAD_NODES, "3,5,10,30,100"),
                        counts(properties, SCALE_PROCESS_NODES, "3,8,16"), integer(properties, SCALE_BARRIER_WARMUP, 50),
                        integer(properties, SCALE_BARRIER_MEASURED, 200), integer(properties, SCALE_STARTUP_RUNS, 3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Bad scale settings (" + SCALE_THREAD_NODES + ", " + SCALE_PROCESS_NODES
                        + ", " + SCALE_BARRIER_WARMUP + ", " + SCALE_BARRIER_MEASURED + ", " + SCALE_STARTUP_RUNS + "): "
                        + e.getMessage(), e);
            }
        }
        // the scale run is the long one, so it alone times the specs and the memory by default
        int specRuns = integer(properties, SPEC_RUNS, scaleOn ? 5 : 0);
        int memoryNodes = integer(properties, MEMORY_NODES, scaleOn ? 30 : 0);
        if (specRuns < 0 || memoryNodes < 0) {
            throw new IllegalArgumentException(SPEC_RUNS + "=" + specRuns + ", " + MEMORY_NODES + "=" + memoryNodes
                    + ": accepted 0 (skip) or more");
        }
        return new BenchConfig(properties.getProperty("multinode.transport", "inproc").trim(),
                properties.getProperty("multinode.launch", "default").trim(), plan, barrierWarmup, barrierMeasured,
                startupRuns, rounds, restarts, pauseWarmup, pauseMeasured, scale, specRuns, memoryNodes,
                Path.of(properties.getProperty(OUTPUT_DIR, "target/benchmarks")));
    }

    /** Comma-separated node counts, e.g. {@code 3,10,30,100}. */
    private static List<Integer> counts(Properties properties, String key, String fallback) {
        List<Integer> counts = new ArrayList<>();
        for (String entry : properties.getProperty(key, fallback).split(",")) {
            if (!entry.isBlank()) {
                try {
                    counts.add(Integer.parseInt(entry.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " must be comma-separated integers, had '" + entry + "'", e);
                }
            }
        }
        return counts;
    }

    /**
     * @return the launch mode the runs use: the one given, or the transport's own; the runs have
     *     checked the name already, with the harness's own message
     * @throws IllegalStateException if the transport is not on the class or module path
     */
    LaunchMode launchMode() {
        return launch.isEmpty() || launch.equals("default") ? TransportProviders.find(transport).defaultLaunchMode()
                : LaunchMode.valueOf(launch.toUpperCase(Locale.ROOT));
    }

    /** @return the integer property, {@code _} allowed as a separator, or the fallback if unset */
    static int integer(Properties properties, String key, int fallback) {
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
