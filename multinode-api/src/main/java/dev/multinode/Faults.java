package dev.multinode;

import java.time.Duration;
import java.util.Set;

/**
 * Fault injection. Any node may call these; each call returns once the fault is in force on every
 * node it concerns. Faults affect the system under test's frames and probe messages and its own TCP
 * connections made through {@link Node#address} or {@link Node#sharedAddress} (relayed links), never
 * the harness's own control traffic, so a partitioned node still enters barriers and reports.
 *
 * <p>On a relayed link a byte stream is faulted as a real network would fault it: a blackholed
 * direction delivers nothing while the connection stays open (the bytes are held, not discarded:
 * the relay stops reading, so the sender's socket fills, and what was held arrives in order after a
 * pass-through or heal, as over a link that came back before TCP gave up); a delay shifts each
 * chunk by the delay, order kept; {@link #bandwidth} paces it; {@link #disconnect} resets its
 * connections. Dropping single bytes has no meaning for a stream: {@link #drop} is refused on a
 * relayed link.
 *
 * <p>One exception: a node {@linkplain #pause paused} in process launch is a stopped JVM, which can
 * do no part of a fault until it is resumed. A call whose part falls to it does not wait for it:
 * that part comes into force first thing after the resume, after the frames that were already
 * waiting for the node. To cut a paused node off at once, apply the fault at the others' ends
 * (for example {@code blackhole(other, paused, BOTH)} rather than {@code blackhole(paused, other, BOTH)}).
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
     * Kills a node as {@link #kill} does, then starts it again: a new JVM in process mode, a fresh
     * node in thread mode. The new incarnation runs the body from the start, with
     * {@link Node#incarnation()} one higher and the same {@link Node#dataDir()}. Returns once its
     * body runs again and the others accept its traffic.
     *
     * <p>The restarted node counts at barriers again from the moment its body starts. Barriers the
     * run passed without it, it passes at once (its body catches up through its earlier steps); at
     * a barrier the others are waiting at, it is waited for like any node. Frames and probe messages
     * sent to it while it is down are dropped by their senders and counted as dropped.
     *
     * @param role the node to restart, not the caller
     * @throws IllegalArgumentException if the role is unknown, is the caller, is gone, or the launch
     *     mode cannot start nodes (external)
     */
    void restart(String role);

    /**
     * Like {@link #restart(String)}, with the node down for {@code downtime} between the kill and
     * the new start.
     *
     * @param role     the node to restart, not the caller
     * @param downtime how long the node stays down, zero or positive
     * @throws IllegalArgumentException as for {@link #restart(String)}, or if the downtime is negative
     */
    void restart(String role, Duration downtime);

    /**
     * Freezes a node until {@link #resume}. In process mode its JVM is stopped (SIGSTOP). In thread
     * mode what runs through the node stops: the body at its next harness call, the tasks of
     * {@link Node#executor()}, the receiver; frames and probe messages it would send are held and
     * those sent to it wait in its inbox. Threads a system under test started itself keep running
     * in thread mode: use process mode to freeze a whole JVM.
     *
     * <p>A paused node does not fail the barriers it is absent from: they wait for it, bounded by
     * their timeout, unless the spec chose {@link SpecBuilder#barriersSkipPausedNodes()}. A run
     * never ends with a node left paused: an abort, a timeout or the end of the run resumes it first.
     *
     * @param role the node to pause, not the caller
     * @throws IllegalArgumentException if the role is unknown, is the caller, is gone or paused
     *     already, or the launch mode cannot pause nodes (external)
     */
    void pause(String role);

    /**
     * Lets a paused node go on: its held frames leave, the frames waiting for it are delivered.
     *
     * @param role a paused node
     * @throws IllegalArgumentException if the role is unknown or not paused
     */
    void resume(String role);

    /**
     * Sets how far a node's {@link Node#clock()} is ahead of true time (behind, if negative). It
     * moves the wall clock only; a later skew replaces this one, zero restores true time. A
     * restarted node's next incarnation gets its role's skew and rate again (not what its clock
     * gained by drifting).
     *
     * @param role   the node
     * @param offset the offset
     * @throws IllegalArgumentException if the role is unknown or gone, or the offset is null
     */
    void skewClock(String role, Duration offset);

    /**
     * Sets the rate at which a node's {@link Node#clock()} runs from now on: 1 is true time, 2 twice
     * as fast, 0.5 half as fast. It changes both the wall clock and {@link NodeClock#nanoTime()}, which
     * go on from their current readings, so neither jumps. Rate 1 restores true speed; what the clock
     * gained or lost meanwhile stays until a {@link #skewClock} replaces the offset.
     *
     * @param role the node
     * @param rate the rate, positive
     * @throws IllegalArgumentException if the role is unknown or gone, or the rate is not positive
     */
    void driftClock(String role, double rate);

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

    /** Removes every blackhole, delay, drop and bandwidth limit; clocks keep their skew and drift. */
    void heal();

    /**
     * Resets every relayed connection that {@code from} opened to {@code to}'s endpoints (through
     * {@link Node#address} or {@link Node#sharedAddress}): both ends see the connection reset, as
     * after a network failure. New connections are allowed at once. Frames are not affected. Call it
     * the other way round too for the connections {@code to} opened.
     *
     * @param from the node whose connections are reset
     * @param to   the node they lead to
     */
    void disconnect(String from, String to);

    /**
     * Limits the relayed bytes {@code from} sends to {@code to} to {@code bytesPerSecond}, until a
     * {@link #heal} (a later call replaces the limit). Frames are not affected.
     *
     * @param from           the sender
     * @param to             the receiver
     * @param bytesPerSecond the limit, positive
     * @throws IllegalArgumentException if the limit is not positive
     */
    void bandwidth(String from, String to, long bytesPerSecond);

    /**
     * Delays every frame and every relayed chunk of bytes {@code from} sends to {@code to}.
     *
     * @param from  the sender
     * @param to    the receiver
     * @param delay how long; zero removes the delay
     */
    void delay(String from, String to, Duration delay);

    /**
     * Drops each frame {@code from} sends to {@code to} with the given probability, decided by a
     * random source seeded from the run's seed and the link. Frames only: on a link where either
     * node has a relayed connection to the other it is refused (use {@link #delay},
     * {@link #bandwidth}, {@link #blackhole} or {@link #disconnect} there).
     *
     * @param from        the sender
     * @param to          the receiver
     * @param probability between 0 and 1
     */
    void drop(String from, String to, double probability);
}
