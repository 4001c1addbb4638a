package dev.multinode;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;

/**
 * One node's view of a run: who it is, barriers, messaging, probes, faults and the node's
 * resources. Everything a node starts through this interface stops when the node stops.
 *
 * <h2>Messaging for the system under test</h2>
 * {@link #send} moves raw frames to another role over the run's transport, beneath the fault filter.
 * Frames arrive at the {@link FrameHandler} set with {@link #onReceive}, on the node's receiver
 * thread; frames that arrive before a handler is set are dropped and counted in the node's log.
 */
public interface Node {

    /** @return this node's role */
    String role();

    /** @return every role of the run, in the order the spec gave them */
    List<String> roles();

    /**
     * @param roles roles to test
     * @return whether this node plays one of {@code roles}
     */
    boolean isRole(String... roles);

    /**
     * Runs {@code action} only on the node playing {@code role}.
     *
     * @param role   the role that runs it
     * @param action what to run
     * @throws Exception whatever the action throws
     */
    void runOn(String role, ThrowingRunnable action) throws Exception;

    /**
     * Runs {@code action} only on the nodes playing one of {@code roles}.
     *
     * @param roles  the roles that run it
     * @param action what to run
     * @throws Exception whatever the action throws
     */
    void runOn(Set<String> roles, ThrowingRunnable action) throws Exception;

    /**
     * Waits until every live node has entered each named barrier, in order, with the run's barrier
     * timeout. The conductor keeps the barriers: nodes removed by a fault leave them, and a failure
     * explains who arrived, who is missing and where each missing node is.
     *
     * @param names barrier names, each non-empty
     * @throws IllegalArgumentException if no name is given or one is null or empty; checked before
     *     anything is sent, on every node that calls it
     * @throws BarrierFailedException   if a barrier fails (it timed out, the nodes disagree on its
     *     name, or a node it waits for finished or died), with the conductor's explanation; the run
     *     is then aborted, and a body that ends with this exception is reported as cancelled by the
     *     root cause
     * @throws RunAbortedException      if the run is aborted while the node waits
     */
    void enterBarrier(String... names);

    /**
     * Like {@link #enterBarrier(String...)} with an explicit timeout per barrier.
     *
     * @param timeout how long each barrier may take, positive
     * @param names   barrier names, each non-empty
     * @throws IllegalArgumentException if the timeout is null, zero or negative, or no name is given
     *     or one is null or empty; checked before anything is sent, on every node that calls it
     * @throws BarrierFailedException   if a barrier fails, as for {@link #enterBarrier(String...)}
     * @throws RunAbortedException      if the run is aborted while the node waits
     */
    void enterBarrier(Duration timeout, String... names);

    /**
     * Sends a frame to another role. The frame's bytes between position and limit are copied before
     * this returns; the buffer's position is not changed.
     *
     * @param toRole the receiver
     * @param frame  the bytes
     * @throws IllegalArgumentException if the role is unknown or the frame exceeds the size limit
     */
    void send(String toRole, ByteBuffer frame);

    /**
     * Sends a frame to another role.
     *
     * @param toRole the receiver
     * @param frame  the bytes
     * @throws IllegalArgumentException if the role is unknown or the frame exceeds the size limit
     */
    void send(String toRole, byte[] frame);

    /**
     * Sets the handler that receives other nodes' frames, replacing any earlier one.
     *
     * @param handler the handler
     */
    void onReceive(FrameHandler handler);

    /** @return the largest frame {@link #send} accepts, in bytes */
    int maxFrameSize();

    /**
     * Returns this node's probe with that name, creating it on first use. Messages sent to a probe
     * before it is first looked up are kept for it.
     *
     * @param name the probe's name
     * @return the probe
     */
    MultiNodeProbe probe(String name);

    /**
     * @param role the role that owns the probe
     * @param name the probe's name
     * @return the address of that probe
     */
    ProbeRef probeRef(String role, String name);

    /**
     * Sends a message to a probe on any node (this one included).
     *
     * @param to      the probe
     * @param message the message; see {@link MultiNodeProbe} for the accepted types
     * @throws IllegalArgumentException if the role is unknown, the message cannot be encoded, or its
     *     encoding (with the probe's name) exceeds {@link #maxFrameSize()}; the message gives the size
     */
    void tell(ProbeRef to, Object message);

    /** @return fault injection, usable from any node */
    Faults faults();

    /** @return an executor whose threads carry this node's role and stop when the node stops */
    ScheduledExecutorService executor();

    /**
     * Registers a resource closed when the node stops, is shut down or is killed, in reverse order
     * of registration. A kill returns only once the victim's resources are closed.
     *
     * @param resource the resource
     * @param <T>      its type
     * @return the resource, for chaining
     */
    <T extends AutoCloseable> T closeOnStop(T resource);

    /**
     * Registers a resource closed as {@link #closeOnStop(AutoCloseable)} does, by a closer that
     * learns why: {@link StopReason#KILLED} asks for an abrupt stop (no graceful leave), the others
     * for a graceful one.
     *
     * @param resource the resource
     * @param closer   closes it
     * @param <T>      its type
     * @return the resource, for chaining
     */
    <T> T closeOnStop(T resource, Closer<? super T> closer);

    /**
     * @return 0 for the node's first start, one more for each {@link Faults#restart} of its role,
     *     so that a body can branch on it
     */
    int incarnation();

    /**
     * A folder of this role's own inside the run folder, for write-ahead logs and snapshots: it
     * survives restarts of the role, is deleted with the run folder after a passing run and kept
     * after a failing one. In external launch it lies under the node's own {@code multinode.runDir}.
     *
     * @return the folder, created on first use
     */
    Path dataDir();

    /**
     * @return this node's clock, which {@link Faults#skewClock} and {@link Faults#driftClock} change;
     *     only code that reads it sees those faults
     */
    NodeClock clock();

    /** @return the run's seed; the same seed replays the same random decisions */
    long seed();

    /** @return a logger whose lines carry this node's role */
    Logger log();
}
