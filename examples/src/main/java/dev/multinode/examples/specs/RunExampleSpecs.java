package dev.multinode.examples.specs;

import dev.multinode.MultiNode;
import dev.multinode.SpecBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the three example specs as a program and prints one line per spec and transport. The
 * transports come from {@code -Dspecs.transports=inproc,chronicle,tcp}, else from
 * {@code multinode.transport} (default inproc). Exits with 1 if any spec failed.
 */
public final class RunExampleSpecs {

    private RunExampleSpecs() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        String transports = System.getProperty("specs.transports", System.getProperty("multinode.transport", "inproc"));
        List<String> rows = new ArrayList<>();
        boolean allPassed = true;
        for (String transport : Arrays.stream(transports.split(",")).map(String::trim).toList()) {
            allPassed &= run("sharding rebalance", transport, ShardingRebalanceSpec::run, rows);
            allPassed &= run("pub-sub across nodes", transport, PubSubSpec::run, rows);
            allPassed &= run("singleton failover", transport, SingletonFailoverSpec::run, rows);
        }
        System.out.printf("%n%-24s %-12s %-8s %8s%n", "spec", "transport", "result", "time");
        rows.forEach(System.out::println);
        if (!allPassed) {
            System.exit(1);
        }
    }

    private static boolean run(String name, String transport, Consumer<SpecBuilder> spec, List<String> rows) {
        long started = System.nanoTime();
        String result = "passed";
        try {
            spec.accept(MultiNode.spec("node-a", "node-b", "node-c").name(name.replace(' ', '-')).transport(transport));
        } catch (AssertionError | RuntimeException e) {
            result = "FAILED";
            System.out.println(name + " on " + transport + " failed:\n" + e.getMessage());
        }
        rows.add(String.format(Locale.ROOT, "%-24s %-12s %-8s %6d ms", name, transport, result,
                (System.nanoTime() - started) / 1_000_000));
        return result.equals("passed");
    }
}
