package dev.multinode.runtime.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The flags a node JVM gets unless its JVM arguments choose otherwise. A node lives a few seconds:
 * the C1 compiler alone and a small serial heap start it fastest. A later flag wins in HotSpot for
 * most flags, and the user's arguments come after these, but two collectors are an error ("multiple
 * garbage collectors selected"), so a default is left out when the user's arguments name its kind.
 */
final class NodeJvmDefaults {

    private static final String COMPILER = "-XX:TieredStopAtLevel=1";
    private static final String COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern COMPILER_CHOICE = Pattern.compile("-XX:TieredStopAtLevel=.*");
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:[+-]Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private NodeJvmDefaults() {
    }

    /**
     * @param userArgs the JVM arguments the user gave the node ({@code multinode.jvmArgs}, the spec's)
     * @return the defaults those arguments leave in force
     */
    static List<String> keptBy(List<String> userArgs) {
        List<String> kept = new ArrayList<>(2);
        if (userArgs.stream().noneMatch(arg -> COMPILER_CHOICE.matcher(arg).matches())) {
            kept.add(COMPILER);
        }
        if (userArgs.stream().noneMatch(arg -> COLLECTOR_CHOICE.matcher(arg).matches())) {
            kept.add(COLLECTOR);
        }
        return kept;
    }
}
