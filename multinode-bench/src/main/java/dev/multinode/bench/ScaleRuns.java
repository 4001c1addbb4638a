package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the scale rows of one launch mode: per node count, one barrier run as
 * {@link HarnessBarrierLatency} measures it and {@link ScalePlan#startupRuns} start-up runs as
 * {@link StartupTime} does. A count whose run fails, or outlasts its bounded timeout, is skipped with
 * a line saying why, and so are the larger counts after it, which would fail the same way, slower.
 */
final class ScaleRuns {

    private ScaleRuns() {
    }

    /**
     * @param transport the transport's name, for the progress lines
     * @param plan   the counts and how much to measure at each
     * @param launch thread or process launch
     * @param nodes  the node counts, in increasing order
     * @return the group's rows and skipped counts
     * @throws IOException if a result file cannot be made or read
     */
    static ScaleGroup run(String transport, ScalePlan plan, LaunchMode launch, List<Integer> nodes) throws IOException {
        String mode = launch.name().toLowerCase(Locale.ROOT);
        List<ScaleRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String failure = null;
        for (int count : nodes) {
            if (failure != null) {
                skipped.add(String.format(Locale.ROOT, "%d %s nodes: skipped, a smaller count failed", count, mode));
                continue;
            }
            List<String> roles = Roles.numbered(count);
            System.out.printf("scale on %s: %d %s nodes, %d warm-up + %d measured barriers, %d start-up runs%n",
                    transport, count, mode, plan.barrierWarmup(),
                    plan.barrierMeasured(), plan.startupRuns());
            try {
                LatencyStats barrier = LatencyStats.of(HarnessBarrierLatency.run(roles, launch, plan.barrierWarmup(),
                        plan.barrierMeasured()));
                List<StartupTime.Sample> samples = new ArrayList<>();
                for (int i = 0; i < plan.startupRuns(); i++) {
                    samples.add(StartupTime.measure(roles, launch));
                }
                rows.add(new ScaleRow(count, barrier, StartupStats.of(samples)));
            } catch (MultiNodeFailure e) {
                failure = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
                skipped.add(String.format(Locale.ROOT, "%d %s nodes: skipped, the run failed: %s", count, mode, failure));
            }
        }
        return new ScaleGroup(launch, rows, skipped);
    }
}
