package dev.multinode;

import java.time.Duration;
import java.util.Set;

/**
 * Fault injection. Any node may call these; each call returns once the fault is in force on every
 * node it concerns. Faults affect the system under test's frames and probe messages, never the
 * harness's own control traffic, so a partitioned node still enters barriers and reports.
 */
public interface Faults {

    /**
     * Kills a node abruptly: nothing in or out from that instant. In process mode the node's JVM
     * receives SIGKILL. The node leaves the barrier set; its death is not a failure of the run.
     *
     * @param role the node to kill
     */
    void kill(String role);

    /**
     * Stops a node gracefully: its resources close in order, then it leaves the barrier set.
     *
     * @param role the node to stop
     */
    void shutdown(String role);

    /**
     * Drops the traffic of one link in the given direction, seen from {@code from}.
     *
     * @param from      the first role
     * @param to        the second role
     * @param direction which traffic to drop
     */
    void blackhole(String from, String to, Direction direction);

    /**
     * Restores the traffic that {@link #blackhole} dropped.
     *
     * @param from      the first role
     * @param to        the second role
     * @param direction which traffic to restore
     */
    void passThrough(String from, String to, Direction direction);

    /**
     * Blackholes, both ways, every link between the two sides.
     *
     * @param side1 one side
     * @param side2 the other side
     */
    void partition(Set<String> side1, Set<String> side2);

    /** Removes every blackhole, delay and drop. */
    void heal();

    /**
     * Delays every frame {@code from} sends to {@code to}.
     *
     * @param from  the sender
     * @param to    the receiver
     * @param delay how long; zero removes the delay
     */
    void delay(String from, String to, Duration delay);

    /**
     * Drops each frame {@code from} sends to {@code to} with the given probability, decided by a
     * random source seeded from the run's seed and the link.
     *
     * @param from        the sender
     * @param to          the receiver
     * @param probability between 0 and 1
     */
    void drop(String from, String to, double probability);
}
