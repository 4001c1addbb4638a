package dev.multinode;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/**
 * One node's view of a run: who it is, barriers, messaging, probes, faults and the node's
 * resources. Everything a node starts through this interface stops when the node stops.
 *
 * <h2>Messaging for the system under test</h2>
 * {@link #send} moves raw frames to another role over the run's transport, beneath the fault filter.
 * Frames arrive at the {@link FrameHandler} set with {@link #onReceive}, on the node's receiver
 * thread; frames that arrive before a handler is set are dropped and counted in the node's log.
 *
 * <h2>Ports, addresses and the shared directory</h2>
 * {@link #port} gives the system under test a free port of this node's host, and {@link #address}
 * tells another node where that endpoint is, so no port is fixed anywhere. {@link #publish},
 * {@link #lookup} and {@link #exchange} share short strings (a cluster id, a seed list) through the
 * conductor before the system starts.
 *
 * <h2>Faults on the system's own sockets</h2>
 * Another node's {@link #address} is a fault relay of this node's (one per directed link and
 * endpoint, on this node's bind address), so {@link Faults} calls reach the system's own TCP
 * connections as they reach frames. A system that tells every peer one address of its own (a gossip
 * protocol's canonical address) uses {@link #sharedAddress} instead. A system with a fault hook of
 * its own can mirror each fault into it with {@link #onFault}.
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

    /**
     * Random numbers for the system under test, seeded from the run's seed, this node's role and its
     * incarnation, so that a replayed seed draws the same numbers; in the {@code sim} transport the
     * only randomness a simulated system may use.
     *
     * @return the same generator on every call in this incarnation, safe to share between threads
     */
    RandomGenerator random();

    /** @return a logger whose lines carry this node's role */
    Logger log();

    /**
     * A free port on this node's host for the system under test to bind, allocated by the harness on
     * the node's bind address ({@code multinode.tcp.bindAddress}, loopback by default) and published
     * so that other nodes learn it through {@link #address}. Names are per role: two roles may each
     * have a "cluster" endpoint. The port is free when allocated and, where the kernel tells its
     * ephemeral range (Linux), lies outside it, so that no outgoing connection of any process takes it
     * before the system binds it; only a process binding that very port explicitly could.
     *
     * @param name the endpoint's name, not empty
     * @return the same port on every call with this name in this incarnation; distinct names get
     *     distinct ports (a restarted node may get a new one, which replaces the old in the directory)
     * @throws IllegalArgumentException if the name is null or empty
     */
    int port(String name);

    /**
     * How this node reaches another node's endpoint (one that node allocated with {@link #port}).
     * For another node it is this node's fault relay towards that endpoint, on this node's bind
     * address: connections through it obey {@link Faults} as frames do (see {@link Faults} for what
     * each fault does to a byte stream). For this node's own endpoint it is the endpoint itself.
     * Waits for the endpoint up to the run's barrier timeout.
     *
     * @param role the node whose endpoint it is (this node's own is allowed)
     * @param name the endpoint's name
     * @return the endpoint's address
     * @throws IllegalArgumentException if the role is not in the run or the name is empty
     * @throws IllegalStateException    if that node allocated no such endpoint within the barrier
     *                                  timeout, naming the role, the endpoint and the endpoints it has
     */
    InetSocketAddress address(String role, String name);

    /**
     * One address of a node's endpoint that every node may use, for a system that advertises a single
     * address of its own to all its peers (a gossip protocol's canonical address, a seed list). It is
     * a relay on the endpoint's node, which recognises the node each connection comes from, so faults
     * reach these connections too. Recognising the sender needs nodes that are processes of their own
     * on Linux (process launch: by the socket's owning process), or on hosts of their own (external
     * launch: by the source address); connections it cannot attribute to a node are refused.
     *
     * @param role the node whose endpoint it is (this node's own is allowed)
     * @param name the endpoint's name
     * @return the endpoint's shared address
     * @throws IllegalArgumentException if the role is not in the run or the name is empty
     * @throws IllegalStateException    if that node allocated no such endpoint within the barrier
     *                                  timeout, or the nodes of this run cannot be told apart (thread
     *                                  launch: every node is the same process), saying which
     */
    InetSocketAddress sharedAddress(String role, String name);

    /**
     * Registers a listener that hears every link fault as it comes into force on this node: its part
     * of a blackhole, pass-through, delay, drop, bandwidth limit, disconnect or heal, before the
     * {@link Faults} call that caused it returns to its caller. A system under test with a fault seam
     * of its own (an actor cluster's test transport) mirrors the fault into it from here. Listeners
     * run on the node's receiver thread, in registration order, and must return promptly.
     *
     * @param listener the listener, not null
     */
    void onFault(FaultListener listener);

    /**
     * Publishes a value under a key of this node's, for every node to {@link #lookup}; a later
     * publish of the key replaces it. Returns at once.
     *
     * @param key   not empty, and not starting with {@code endpoint:} or {@code relay:} (the harness's,
     *              for ports and relays)
     * @param value not null; key and value must fit one control frame
     * @throws IllegalArgumentException if the key or the value is not accepted
     */
    void publish(String key, String value);

    /**
     * The value a node published under a key, waiting for it if it has not been published yet.
     *
     * @param role    the publishing node
     * @param key     the key
     * @param timeout how long to wait, positive
     * @return the value
     * @throws IllegalArgumentException if the role is not in the run, the key is empty or the timeout
     *                                  not positive
     * @throws IllegalStateException    if nothing was published under the key within the timeout,
     *                                  naming the role, the key and the keys that role published
     */
    String lookup(String role, String key, Duration timeout);

    /**
     * An all-gather: gives this node's value for the key and waits until every live node gave one
     * (killed and shut-down nodes do not count), up to the run's barrier timeout.
     *
     * @param key   the exchange's name, not empty
     * @param value this node's value, not null
     * @return every live node's value by role, in role order
     * @throws IllegalArgumentException if the key or the value is not accepted
     * @throws IllegalStateException    if the exchange failed: a node finished its body without giving
     *                                  a value, or not every node gave one within the barrier timeout
     */
    Map<String, String> exchange(String key, String value);
}
