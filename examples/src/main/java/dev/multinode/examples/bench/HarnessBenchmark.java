package dev.multinode.examples.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Measures the harness on the transport named by {@code multinode.transport} (default
 * {@code inproc}, launch mode from {@code multinode.launch}, default the transport's own): the time
 * from a spec's {@code run} call until three bodies have started, the round trip of a small frame
 * between two nodes' handlers, the same ping-pong on the raw transport where a baseline exists, and
 * the interval between successive barriers of three nodes. Prints a table with the transport's
 * {@link Targets} and writes the same figures to {@code target/benchmarks/harness-<transport>.json}.
 *
 * <p>Counts come from {@code bench.messageSize}, {@code bench.pingPong.warmup},
 * {@code bench.pingPong.measured}, {@code bench.barrier.warmup}, {@code bench.barrier.measured},
 * {@code bench.startup.runs}; the folder from {@code bench.outputDir};
 * {@code bench.tcp.blockingBaseline=true} makes the {@code tcp} baseline use blocking sockets. The
 * JVM needs the flags of every transport it runs: Agrona's
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} always, Chronicle's for
 * {@code chronicle}. The raw baselines of {@code chronicle} and {@code tcp} start a child JVM of
 * their own, with the transport's flags, and stop it before returning.
 */
public final class HarnessBenchmark {

    private HarnessBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args none; settings are system properties
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            throw new IllegalArgumentException("HarnessBenchmark takes no arguments, got " + args.length
                    + "; set -Dmultinode.transport and -Dbench.* system properties instead");
        }
        BenchConfig config = BenchConfig.from(System.getProperties());
        // First, so that the first sample shows a JVM that has not run a spec yet.
        StartupStats startup = null;
        if (config.startupRuns() > 0) {
            System.out.printf("start-up on %s: %d runs of 3 empty bodies%n", config.transport(), config.startupRuns());
            List<StartupTime.Sample> samples = new ArrayList<>();
            for (int i = 0; i < config.startupRuns(); i++) {
                samples.add(StartupTime.measure());
            }
            startup = StartupStats.of(samples);
        }

        System.out.printf("harness ping-pong on %s: %d warm-up + %d measured round trips%n", config.transport(),
                config.pingPong().warmup(), config.pingPong().measured());
        LatencyStats harness = LatencyStats.of(HarnessPingPong.run(config.pingPong()));

        RawPingPong baseline = RawBaselines.forTransport(config.transport(), System.getProperties()).orElse(null);
        LatencyStats raw = null;
        if (baseline != null) {
            System.out.printf("raw ping-pong: %s%n", baseline.description());
            raw = LatencyStats.of(baseline.run(config.pingPong()));
        }

        System.out.printf("barriers on %s: %d warm-up + %d measured%n", config.transport(), config.barrierWarmup(),
                config.barrierMeasured());
        Histogram barriers = HarnessBarrierLatency.run(config.barrierWarmup(), config.barrierMeasured());

        BenchmarkReport report = new BenchmarkReport(config, Targets.forTransport(config.transport()), harness,
                baseline == null ? null : baseline.description(), raw, LatencyStats.of(barriers), startup);
        System.out.print(report.table());
        System.out.println("written to " + report.writeJson());
    }
}
