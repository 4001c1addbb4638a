package dev.multinode.examples.specs;

import dev.multinode.MultiNodeFailure;
import dev.multinode.testkit.Mode;
import java.util.List;
import java.util.Locale;

/**
 * Runs the example specs as a program and prints one table: spec, transport/launch, result,
 * wall time. Settings are system properties:
 * <ul>
 *   <li>{@code specs.transports}: comma-separated {@code transport[/launch]} entries, e.g.
 *       {@code inproc,chronicle,tcp} or {@code chronicle/thread}; default {@code multinode.transport},
 *       else {@code inproc}. Without a launch an entry takes {@code multinode.launch}, else its
 *       transport's default (threads for inproc, processes for chronicle and tcp);</li>
 *   <li>{@code specs.only}: which specs to run, some of
 *       {@code sharding,pubsub,singleton,restart,pause,zookeeper} (the default; {@code zookeeper} is
 *       a real ZooKeeper ensemble's partition, {@link ZooKeeperPartitionSpec});</li>
 *   <li>{@code specs.runs}: how many times in a row each spec runs in each mode, default 1.</li>
 * </ul>
 * Exits with status 1 if any run failed, after printing why and where its run folder was kept.
 */
public final class RunExampleSpecs {

    /** The most lines of a failure printed; the rest is in the run folder. */
    private static final int SUMMARY_LINES = 60;

    private RunExampleSpecs() {
    }

    /**
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            throw new IllegalArgumentException("RunExampleSpecs takes no arguments, got " + List.of(args)
                    + "; set -Dspecs.transports=inproc,chronicle,tcp, -Dspecs.only=sharding,pubsub,singleton,restart,pause,zookeeper and -Dspecs.runs=<n> instead");
        }
        List<Mode> modes = Mode.parseAll(
                System.getProperty("specs.transports", System.getProperty("multinode.transport", "inproc")),
                System.getProperty("multinode.launch"));
        List<ExampleSpec> specs = ExampleSpec.parseAll(System.getProperty("specs.only", "sharding,pubsub,singleton,restart,pause,zookeeper"));
        int runs = runs(System.getProperty("specs.runs", "1"));
        ResultTable table = new ResultTable();
        for (Mode mode : modes) {
            for (ExampleSpec spec : specs) {
                if (mode.transport().equals("sim") && !spec.simulable()) {
                    System.out.printf("%s on %s: not run, its system has sockets of its own%n", spec.title(), mode);
                } else {
                    runAll(spec, mode, runs, table);
                }
            }
        }
        System.out.println();
        System.out.print(table.render());
        System.out.flush();
        if (!table.allPassed()) {
            System.exit(1);
        }
    }

    private static void runAll(ExampleSpec spec, Mode mode, int runs, ResultTable table) {
        long[] millis = new long[runs];
        int passed = 0;
        for (int i = 0; i < runs; i++) {
            String name = mode.transport() + "-" + mode.launch().name().toLowerCase(Locale.ROOT) + (runs > 1 ? "-" + (i + 1) : "");
            long started = System.nanoTime();
            try {
                spec.run(builder -> builder.name(name).transport(mode.transport()).launch(mode.launch()));
                passed++;
            } catch (MultiNodeFailure failure) {
                // the message ends with the seed and the run folder, kept for failed runs
                System.out.printf("%s on %s, run %d of %d, FAILED:%n%s%n", spec.title(), mode, i + 1, runs,
                        summary(failure.getMessage()));
            }
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        if (runs > 1) {
            System.out.printf("%s on %s: %d of %d runs passed%n", spec.title(), mode, passed, runs);
        }
        table.add(spec.title(), mode, passed, millis);
    }

    /** The failure without its stack frames (the JUnit tests show them), at most 60 lines. */
    private static String summary(String message) {
        List<String> lines = String.valueOf(message).lines().filter(line -> !line.stripLeading().startsWith("at ")).toList();
        return lines.size() <= SUMMARY_LINES ? String.join("\n", lines)
                : String.join("\n", lines.subList(0, SUMMARY_LINES)) + "\n... (" + (lines.size() - SUMMARY_LINES)
                        + " more lines in the run folder)";
    }

    private static int runs(String value) {
        try {
            int runs = Integer.parseInt(value.trim());
            if (runs >= 1) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted values
        }
        throw new IllegalArgumentException("specs.runs must be a whole number of 1 or more, was '" + value + "'");
    }
}
