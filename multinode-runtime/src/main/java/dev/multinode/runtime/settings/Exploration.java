package dev.multinode.runtime.settings;

import java.util.Locale;
import java.util.Properties;

/**
 * How many seeds a simulated spec is run with, and whether each seed is run twice to check that
 * it replays the same run.
 *
 * @param seeds            how many runs, each with its own seed, the first the run's seed
 * @param checkDeterminism whether each seed runs twice and the two traces must be equal
 * @param parallelism      how many seeds run at once (a simulated run keeps one core busy at a time)
 */
public record Exploration(int seeds, boolean checkDeterminism, int parallelism) {

    /** Property with the number of seeds. */
    public static final String SEEDS = "multinode.sim.seeds";
    /** Property that runs each seed twice and compares the traces. */
    public static final String CHECK_DETERMINISM = "multinode.sim.checkDeterminism";
    /** Property with how many seeds run at once. */
    public static final String PARALLELISM = "multinode.sim.parallelism";

    private static final int MOST_SEEDS = 1_000_000;
    private static final int MOST_PARALLEL = 64;

    /**
     * @param properties the system properties
     * @return the exploration they ask for
     * @throws IllegalArgumentException naming a bad value and what is accepted
     */
    public static Exploration resolve(Properties properties) {
        String seeds = properties.getProperty(SEEDS, "1").trim();
        int count;
        try {
            count = Integer.parseInt(seeds);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MOST_SEEDS) {
            throw new IllegalArgumentException("Invalid " + SEEDS + " '" + seeds + "': accepted is a whole number from 1 to "
                    + MOST_SEEDS);
        }
        String check = properties.getProperty(CHECK_DETERMINISM, "false").trim().toLowerCase(Locale.ROOT);
        if (!check.equals("true") && !check.equals("false")) {
            throw new IllegalArgumentException("Invalid " + CHECK_DETERMINISM + " '" + check + "': accepted are true and false");
        }
        String parallel = properties.getProperty(PARALLELISM, Integer.toString(Runtime.getRuntime().availableProcessors())).trim();
        int parallelism;
        try {
            parallelism = Integer.parseInt(parallel);
        } catch (NumberFormatException e) {
            parallelism = 0;
        }
        if (parallelism < 1 || parallelism > MOST_PARALLEL) {
            throw new IllegalArgumentException("Invalid " + PARALLELISM + " '" + parallel + "': accepted is a whole number from 1 to "
                    + MOST_PARALLEL);
        }
        return new Exploration(count, check.equals("true"), parallelism);
    }
}
