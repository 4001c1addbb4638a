package dev.multinode.bench;

import dev.multinode.LaunchMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
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
 * {@code bench.tcp.oneWayBaseline=true} a one-way connection per direction. Every run also
 * measures the CPU a 3-node thread run uses while it waits at a barrier ({@link IdleCpu}), and the
 * relay's rows ({@link RelayBenchmark}, settings {@code bench.relay.*}; {@code bench.relay.only=true}
 * measures only those and writes {@code relay.json}); {@code bench.sim.only=true} measures only the
 * {@code sim} transport's seeds per second over the example specs ({@link SimSeedRate}, seeds from
 * {@code bench.sim.seeds}, default 1000) and writes {@code sim.json}.
 * {@code bench.scale=true} adds the scale rows ({@link ScaleRuns}: barrier and start-up at
 * {@code bench.scale.threadNodes}, default {@code 3,5,10,30,100}, thread nodes and, where the transport
 * has process launch, {@code bench.scale.processNodes}, default {@code 3,8,16}, process nodes, with
 * {@code bench.scale.barrier.warmup}, {@code bench.scale.barrier.measured} and
 * {@code bench.scale.startup.runs}, default 50, 200 and 3), the example specs' wall times
 * ({@code bench.specs.runs}, default 5 with the scale rows, else 0) and the heap per thread node
 * ({@code bench.memory.nodes}, default 30 with the scale rows, else 0; with it, where the transport
 * has process launch, a node process's resident set, {@link NodeMemory}). The
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
        RelayBenchmark.Settings relaySettings = RelayBenchmark.Settings.from(System.getProperties());
        if (Boolean.parseBoolean(System.getProperty(SimSeedRate.ONLY, "false").trim())) {
            List<SimSeedRate.Row> rows = SimSeedRate.run(SimSeedRate.seeds(System.getProperty(SimSeedRate.SEEDS_PROPERTY)));
            System.out.print(SimSeedRate.table(rows));
            System.out.println("written to " + SimSeedRate.writeJson(rows, config.outputDir()));
            return;
        }
        if (Boolean.parseBoolean(System.getProperty(RelayBenchmark.ONLY, "false").trim())) {
            RelayReport relay = RelayBenchmark.run(relaySettings);
            System.out.print(relay.table());
            System.out.println("written to " + relay.writeJson(config.outputDir()));
            return;
        }
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

        ScaleReport scale = measureScale(config);
        RelayReport relay = RelayBenchmark.run(relaySettings);

        BenchmarkReport report = new BenchmarkReport(config, Targets.of(config.transport(), config.launchMode()),
                LatencyStats.of(harness), baseline == null ? null : baseline.description(),
                raw == null ? null : LatencyStats.of(raw), LatencyStats.of(barriers), startup, restarts,
                pauses == null ? null : LatencyStats.of(pauses.pause()), pauses == null ? null : LatencyStats.of(pauses.resume()),
                scale, relay);
        System.out.print(report.table());
        System.out.println("written to " + report.writeJson());
    }

    /**
     * The costs of waiting nodes, always; the scale rows in thread launch and, where the transport has
     * it, process launch, and the example specs and memory per node (thread nodes, and process nodes
     * where the transport has them), as configured.
     */
    private static ScaleReport measureScale(BenchConfig config) throws IOException, InterruptedException {
        System.out.printf("idle CPU on %s: 3 thread nodes, %d s at a barrier%n", config.transport(), IdleCpu.IDLE.toSeconds());
        IdleCpu.Shares idleCpu = IdleCpu.measure();
        Set<LaunchMode> modes = TransportProviders.find(config.transport()).launchModes();
        List<ScaleGroup> groups = new ArrayList<>();
        if (config.scale() != null) {
            if (modes.contains(LaunchMode.THREAD)) {
                groups.add(ScaleRuns.run(config.transport(), config.scale(), LaunchMode.THREAD, config.scale().threadNodes()));
            }
            if (modes.contains(LaunchMode.PROCESS)) {
                groups.add(ScaleRuns.run(config.transport(), config.scale(), LaunchMode.PROCESS, config.scale().processNodes()));
            }
        }
        List<ExampleSpecTimes.Times> specs = config.specRuns() == 0 ? List.of()
                : ExampleSpecTimes.run(config.transport(), config.launchMode(), config.specRuns());
        Long heapPerNode = null;
        Long rssPerProcessNode = null;
        if (config.memoryNodes() > 0) {
            System.out.printf("memory on %s: %d thread nodes at a barrier%n", config.transport(), config.memoryNodes());
            heapPerNode = NodeMemory.bytesPerNode(config.memoryNodes());
            if (modes.contains(LaunchMode.PROCESS)) {
                System.out.printf("memory on %s: %d process nodes at a barrier%n", config.transport(), NodeMemory.PROCESS_NODES);
                OptionalLong rss = NodeMemory.residentBytesPerProcessNode();
                rssPerProcessNode = rss.isPresent() ? rss.getAsLong() : null;
            }
        }
        return new ScaleReport(groups, config.launchMode(), specs, idleCpu, config.memoryNodes(), heapPerNode,
                rssPerProcessNode);
    }
}
