package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.specs.PausedOldestSpec;
import dev.multinode.examples.specs.PubSubSpec;
import dev.multinode.examples.specs.RestartRejoinSpec;
import dev.multinode.examples.specs.ShardingRebalanceSpec;
import dev.multinode.examples.specs.SingletonFailoverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The figures a user sees: each example spec's wall time end to end, from its {@code run} call until
 * it returns, run as the specs program runs it, with the launcher's own node JVM flags.
 */
final class ExampleSpecTimes {

    /**
     * One spec's runs.
     *
     * @param spec   the spec's name
     * @param millis each run's wall time, passed or not
     * @param passed how many runs passed
     */
    record Times(String spec, List<Long> millis, int passed) {

        Times {
            millis = List.copyOf(millis);
        }

        /** @return the median wall time; of an even count, the mean of the middle two */
        long median() {
            return StartupStats.median(millis);
        }
    }

    private record Spec(String name, Consumer<UnaryOperator<SpecBuilder>> runner) {
    }

    // the examples' own list is private to their program; these are its specs by their public entry points
    private static final List<Spec> SPECS = List.of(new Spec("sharding rebalance", ShardingRebalanceSpec::run),
            new Spec("pub-sub across nodes", PubSubSpec::run), new Spec("singleton failover", SingletonFailoverSpec::run),
            new Spec("restart and rejoin", RestartRejoinSpec::run), new Spec("paused oldest", PausedOldestSpec::run));

    private ExampleSpecTimes() {
    }

    /**
     * Runs every example spec {@code runs} times in a row.
     *
     * @param transport the transport's name
     * @param launch    how the nodes start
     * @param runs      runs per spec, 1 or more ({@link BenchConfig} checks it)
     * @return one entry per spec; a failed run prints its message's first line and counts as not passed
     */
    static List<Times> run(String transport, LaunchMode launch, int runs) {
        List<Times> all = new ArrayList<>();
        String mode = launch.name().toLowerCase(Locale.ROOT);
        for (Spec spec : SPECS) {
            System.out.printf("example spec %s on %s/%s: %d runs%n", spec.name(), transport, mode, runs);
            List<Long> millis = new ArrayList<>();
            int passed = 0;
            for (int i = 1; i <= runs; i++) {
                String name = "HarnessBenchmark-spec-" + transport + "-" + mode + "-" + i;
                long started = System.nanoTime();
                try {
                    spec.runner().accept(builder -> builder.name(name).transport(transport).launch(launch));
                    passed++;
                } catch (MultiNodeFailure failure) {
                    System.out.printf("%s, run %d of %d, FAILED: %s%n", spec.name(), i, runs,
                            String.valueOf(failure.getMessage()).lines().findFirst().orElse(failure.toString()));
                }
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            all.add(new Times(spec.name(), millis, passed));
        }
        return all;
    }
}
