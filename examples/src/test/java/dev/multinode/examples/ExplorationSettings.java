package dev.multinode.examples;

/**
 * Runs code with other exploration settings than the build's ({@code multinode.sim.seeds},
 * {@code multinode.sim.checkDeterminism}, which Surefire sets for every test and every run reads from
 * the system properties), and puts the build's back afterwards.
 */
public final class ExplorationSettings {

    private static final String SEEDS = "multinode.sim.seeds";
    private static final String CHECK = "multinode.sim.checkDeterminism";

    private ExplorationSettings() {
    }

    /**
     * @param seeds            how many seeds each simulated run explores
     * @param checkDeterminism whether each seed runs twice, or null to keep the build's setting
     * @param run              what to run with them
     */
    public static void with(int seeds, Boolean checkDeterminism, Runnable run) {
        String seedsBefore = System.getProperty(SEEDS);
        String checkBefore = System.getProperty(CHECK);
        System.setProperty(SEEDS, Integer.toString(seeds));
        if (checkDeterminism != null) {
            System.setProperty(CHECK, checkDeterminism.toString());
        }
        try {
            run.run();
        } finally {
            restore(SEEDS, seedsBefore);
            restore(CHECK, checkBefore);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
