package dev.multinode.runtime.settings;

import java.util.Locale;
import java.util.Properties;

/**
 * How many seeds a simulated spec is run with, and whether each seed is run twice to check that
 * it replays the same run.
 *
 * @param seeds            how many runs, each with its own seed, the first the run's seed
 * @param checkDeterminism whether each seed runs twice and the two traces must be equal
 */
public record Exploration(int seeds, boolean checkDeterminism) {

    /** Property with the number of seeds. */
    public static final String SEEDS = "multinode.sim.seeds";
    /** Property that runs each seed twice and compares the traces. */
    public static final String CHECK_DETERMINISM = "multinode.sim.checkDeterminism";
    /** A run of each seed, as without exploration. */
    public static final Exploration ONCE = new Exploration(1, false);

    private static final int MOST_SEEDS = 1_000_000;

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
        return new Exploration(count, check.equals("true"));
    }
}
