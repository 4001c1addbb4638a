package dev.multinode.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Measures the harness on the transport named by {@code multinode.transport} (default
 * {@code inproc}, launch mode from {@code multinode.launch}, default the transport's own): the time
 * from a spec's {@code run} call until three bodies have started, the round trip of a small frame
 * between two nodes' handlers, the same ping-pong on the raw transport where a baseline exists, and
 * the interval between successive barriers of three nodes, and, as a body sees them, how long a
 * restart of one node takes until its new body runs and how long pause and resume calls take until
 * they are in force. Prints a table with the transport's {@link Targets} and writes the same
 * figures to {@code target/benchmarks/harness-<transport>.json}.
 *
 * <p>Counts come from {@code bench.messageSize}, {@code bench.pingPong.warmup},
 * {@code bench.pingPong.measured}, {@code bench.barrier.warmup}, {@code bench.barrier.measured},
 * {@code bench.startup.runs}, {@code bench.rounds} (harness and raw ping-pongs alternate that many
 * times, default 3, and their samples are pooled), {@code bench.restart.count} (default 10),
 * {@code bench.pause.warmup} and {@code bench.pause.measured} (default 20 and 200 pause-resume
 * pairs; a count of 0 skips restarts or pauses); the folder from {@code bench.outputDir};
 * {@code bench.tcp.blockingBaseline=true} makes the {@code tcp} baseline use blocking sockets,
 * {@code bench.tcp.oneWayBaseline=true} a one-way connection per direction. The
 * JVM needs the flags of every transport it runs: Agrona's
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} always, Chronicle's for
 * {@code chronicle}. The raw baselines of {@code chronicle} and {@code tcp} start a child JVM of
 * their own, with the transport's flags, and stop it before returning.
 */
public final class HarnessBenchmark {

    /**
     * JVM flags of the node processes of the ping-pong and barrier runs (the start-up runs keep the
     * launcher's defaults). The launcher stops node JVMs at the C1 compiler, which starts a few-second
     * spec fastest; these measure the steady state instead, with the full compiler, as the raw
     * baselines' processes have it, so that the ratio compares the harness with the raw transport
     * rather than one compiler with another.
     */
    static final String[] STEADY_STATE_JVM_ARGS = {"-XX:TieredStopAtLevel=4"};

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
                samples.add(StartupTime.measure(StartupTime.ROLES, config.launchMode()));
            }
            startup = StartupStats.of(samples);
        }

        // Alternating rounds, pooled: each round starts new processes, and where the scheduler puts
        // them moves a round's median by a third on these 2-core machines, for harness and raw alike.
        RawPingPong baseline = RawBaselines.forTransport(config.transport(), System.getProperties()).orElse(null);
        Histogram harness = Histograms.create();
        Histogram raw = baseline == null ? null : Histograms.create();
        for (int round = 1; round <= config.rounds(); round++) {
            System.out.printf("round %d of %d: harness ping-pong on %s, %d warm-up + %d measured round trips%n", round,
                    config.rounds(), config.transport(), config.pingPong().warmup(), config.pingPong().measured());
            harness.add(HarnessPingPong.run(config.pingPong()));
            if (baseline != null) {
                System.out.printf("round %d of %d: raw ping-pong, %s%n", round, config.rounds(), baseline.description());
                raw.add(baseline.run(config.pingPong()));
            }
        }

        System.out.printf("barriers on %s: %d warm-up + %d measured%n", config.transport(), config.barrierWarmup(),
                config.barrierMeasured());
        Histogram barriers = HarnessBarrierLatency.run(HarnessBarrierLatency.ROLES, config.launchMode(),
                config.barrierWarmup(), config.barrierMeasured());

        LatencyStats restarts = null;
        if (config.restarts() > 0) {
            System.out.printf("restarts on %s: %d restarts of one node%n", config.transport(), config.restarts());
            restarts = LatencyStats.of(RestartTime.run(config.restarts()));
        }
        PauseResumeTime.Times pauses = null;
        if (config.pauseMeasured() > 0) {
            System.out.printf("pauses on %s: %d warm-up + %d measured pause-resume pairs%n", config.transport(),
                    config.pauseWarmup(), config.pauseMeasured());
            pauses = PauseResumeTime.run(config.pauseWarmup(), config.pauseMeasured());
        }

        BenchmarkReport report = new BenchmarkReport(config, Targets.of(config.transport(), config.launchMode()),
                LatencyStats.of(harness), baseline == null ? null : baseline.description(),
                raw == null ? null : LatencyStats.of(raw), LatencyStats.of(barriers), startup, restarts,
                pauses == null ? null : LatencyStats.of(pauses.pause()), pauses == null ? null : LatencyStats.of(pauses.resume()));
        System.out.print(report.table());
        System.out.println("written to " + report.writeJson());
    }
}
