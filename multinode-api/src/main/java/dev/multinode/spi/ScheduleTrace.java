package dev.multinode.spi;

/**
 * What a simulated run's scheduler did: every step (which thread ran, at which virtual time) and
 * every delivery, in order. Two runs of one seed leave equal traces unless the system under test
 * took a thread, a clock or a random source from outside the simulation.
 */
public interface ScheduleTrace {

    /** @return how many steps the run took */
    long steps();

    /** @return the virtual time the run reached, in nanoseconds */
    long virtualNanos();

    /** @return a hash of the whole trace: equal traces hash alike */
    long hash();

    /**
     * @param other the trace of another run of the same seed, from the same scheduler type
     * @return where the two traces part, in words (the step, and what each run did there), or null
     *     if they are equal
     */
    String firstDifference(ScheduleTrace other);
}
