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
        int seeds = wholeNumber(properties, SEEDS, 1, MOST_SEEDS);
        String check = properties.getProperty(CHECK_DETERMINISM, "false").trim().toLowerCase(Locale.ROOT);
        if (!check.equals("true") && !check.equals("false")) {
            throw new IllegalArgumentException("Invalid " + CHECK_DETERMINISM + " '" + check + "': accepted are true and false");
        }
        int parallelism = wholeNumber(properties, PARALLELISM, Runtime.getRuntime().availableProcessors(), MOST_PARALLEL);
        return new Exploration(seeds, check.equals("true"), parallelism);
    }

    private static int wholeNumber(Properties properties, String key, int fallback, int most) {
        String value = properties.getProperty(key, Integer.toString(fallback)).trim();
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1 || number > most) {
            throw new IllegalArgumentException("Invalid " + key + " '" + value + "': accepted is a whole number from 1 to " + most);
        }
        return number;
    }
}
