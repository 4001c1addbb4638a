package dev.multinode.examples.bench;

import org.HdrHistogram.Histogram;

/**
 * Measures the harness on the transport named by {@code multinode.transport} (default
 * {@code inproc}): the round trip of a small frame between two nodes' handlers, the same ping-pong
 * on the raw transport where a baseline exists, and the interval between successive barriers of
 * three nodes. Prints a table and writes the same figures to
 * {@code target/benchmarks/harness-<transport>.json}.
 *
 * <p>Counts come from {@code bench.messageSize}, {@code bench.pingPong.warmup},
 * {@code bench.pingPong.measured}, {@code bench.barrier.warmup}, {@code bench.barrier.measured};
 * the folder from {@code bench.outputDir}. The {@code inproc} transport and its baseline need
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED,org.agrona}.
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
        System.out.printf("harness ping-pong on %s: %d warm-up + %d measured round trips%n", config.transport(),
                config.pingPong().warmup(), config.pingPong().measured());
        LatencyStats harness = LatencyStats.of(HarnessPingPong.run(config.pingPong()));

        RawPingPong baseline = RawBaselines.forTransport(config.transport()).orElse(null);
        LatencyStats raw = null;
        if (baseline != null) {
            System.out.printf("raw ping-pong: %s%n", baseline.description());
            raw = LatencyStats.of(baseline.run(config.pingPong()));
        }

        System.out.printf("barriers on %s: %d warm-up + %d measured%n", config.transport(), config.barrierWarmup(),
                config.barrierMeasured());
        Histogram barriers = HarnessBarrierLatency.run(config.barrierWarmup(), config.barrierMeasured());

        BenchmarkReport report = new BenchmarkReport(config, harness, baseline == null ? null : baseline.description(),
                raw, LatencyStats.of(barriers));
        System.out.print(report.table());
        System.out.println("written to " + report.writeJson());
    }
}
