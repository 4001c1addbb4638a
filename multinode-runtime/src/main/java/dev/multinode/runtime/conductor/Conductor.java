package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.DumpMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.ExchangeMessage;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupMessage;
import dev.multinode.runtime.protocol.PublishMessage;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * Coordinates a run from participant 0: starts the nodes together, hands barriers to its
 * {@link BarrierCoordinator}, faults to its {@link FaultCoordinator} and the shared directory to
 * its {@link SharedDirectory}, collects the nodes'
 * outcomes, acts on the {@linkplain RunDeadlines run's deadlines} and aborts the run at its first
 * failure. An Agrona {@link Agent}: one thread calls {@link #doWork} (an {@code AgentRunner} in a
 * run, a test in virtual time), so its state needs no locks; other threads talk to it through
 * {@link #submit}. It reads time only from its injected {@link ConductorClock}.
 */
public final class Conductor implements Agent, FrameReceiver {

    private static final int POLL_LIMIT = 64;

    private final Endpoint endpoint;
    private final ConductorClock clock;
    private final NodeRoster nodes;
    private final RunDeadlines deadlines;
    private final RunEvents events;
    private final TrafficLedger ledger;
    private final BarrierCoordinator barriers;
    private final FaultCoordinator faults;
    private final DeadlineWatch deadlineWatch;
    private final ConductorTimers timers = new ConductorTimers();
    private final SharedDirectory directory;
    private final CountedTime countedTime = new CountedTime();
    private final ManyToOneConcurrentArrayQueue<Runnable> commands = new ManyToOneConcurrentArrayQueue<>(1024);
    private volatile Runnable wakeUp = () -> { };
    private final ByteBuffer received;
    private final ByteBuffer outgoing;
    private final CompletableFuture<ConductorResult> result = new CompletableFuture<>();
    private final EnterMessage enter = new EnterMessage();
    private final DoneMessage done = new DoneMessage();
    private final DumpMessage dump = new DumpMessage();
    private final FaultRequestMessage faultRequest = new FaultRequestMessage();
    private final PublishMessage publish = new PublishMessage();
    private final LookupMessage lookup = new LookupMessage();
    private final ExchangeMessage exchange = new ExchangeMessage();
    private RootCause rootCause;
    private NodeState debugged;
    private long now;

    /**
     * @param endpoint           participant 0's endpoint
     * @param roles              the roles, in order (participants 1..N)
     * @param timeouts           the run's time limits
     * @param clock              the clocks deadlines and events read
     * @param transportFrameSize the transport's frame limit
     * @param skipPausedNodes    whether barriers release without the nodes paused while they wait
     */
    public Conductor(Endpoint endpoint, List<String> roles, ConductorTimeouts timeouts, ConductorClock clock,
                     int transportFrameSize, boolean skipPausedNodes) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.nodes = new NodeRoster(endpoint, roles);
        this.deadlines = new RunDeadlines(timeouts);
        this.events = new RunEvents(clock);
        this.ledger = new TrafficLedger(roles.size() + 1);
        this.received = ByteBuffer.allocate(transportFrameSize);
        this.outgoing = ByteBuffer.allocate(transportFrameSize);
        this.barriers = new BarrierCoordinator(nodes, deadlines, ledger, events, clock, transportFrameSize, skipPausedNodes);
        this.directory = new SharedDirectory(nodes, timers, transportFrameSize);
        this.faults = new FaultCoordinator(this, nodes, events, barriers, timers, directory, transportFrameSize);
        this.deadlineWatch = new DeadlineWatch(nodes, deadlines, barriers, this::abort);
    }

    /**
     * In process mode, how to kill a node's JVM (SIGKILL), returning once it is dead. Without one,
     * a kill is carried out by the node itself (thread mode). Call before the conductor starts.
     *
     * @param killer kills the node of the given role
     */
    public void processKiller(Consumer<String> killer) {
        faults.processKiller(killer);
    }

    /**
     * How to start a node's next incarnation, for restarts; without one (external launch) restarts
     * are refused. Call before the conductor starts.
     *
     * @param starter starts a node again
     */
    public void nodeStarter(NodeStarter starter) {
        faults.restarts().starter(starter);
    }

    /**
     * In process mode, how to stop and continue a node's JVM, for pauses; without one a node
     * pauses at its own gate. Call before the conductor starts.
     *
     * @param freezer stops and continues nodes' JVMs
     */
    public void nodeFreezer(NodeFreezer freezer) {
        faults.pauses().freezer(freezer);
    }

    /**
     * In thread launch, how to release an incarnation of a node from barriers without a frame
     * ({@link LocalRelease}). Callable from any thread at any time: until the conductor has taken
     * it, and for any other incarnation, the node gets RELEASE frames as usual.
     *
     * @param role        the node
     * @param incarnation the incarnation {@code release} reaches
     * @param release     hands a released barrier to that incarnation's waiting body
     */
    public void releaseLocally(String role, int incarnation, LocalRelease release) {
        submit(() -> nodes.byRole(role).releaseLocally(incarnation, release));
    }

    /**
     * In a debug run, the node a debugger attaches to: while its heartbeat is missing (it waits for
     * the debugger, or sits at a breakpoint) the run's deadlines stop counting ({@link CountedTime}).
     * Call before the conductor starts.
     *
     * @param role the debugged node
     */
    public void debuggedNode(String role) {
        debugged = nodes.byRole(role);
    }

    /** @return completes when the run is over */
    public CompletableFuture<ConductorResult> result() {
        return result;
    }

    /** @return the run's timeline so far */
    public RunEvents events() {
        return events;
    }

    /**
     * Runs a command on the conductor's thread (from launchers: a process died).
     *
     * @param command what to run
     */
    public void submit(Runnable command) {
        while (!commands.offer(command)) {
            Thread.onSpinWait(); // 1024 commands queued: the conductor drains them within a duty cycle
        }
        wakeUp.run();
    }

    /**
     * How to end the conductor's idle wait, so that a submitted command is run at once: its wait
     * then ends only for frames, commands and its deadlines. Call before the conductor starts.
     *
     * @param wake ends the conductor thread's current or next idle wait
     */
    public void wakeUpWith(Runnable wake) {
        wakeUp = wake;
    }

    /**
     * Tells the conductor a node's process died. A death is the run's failure unless the node was
     * removed on purpose, had finished, or was an incarnation a restart replaced.
     *
     * @param role        the node
     * @param incarnation the incarnation that died
     * @param description how it died, with its exit code and last lines
     */
    public void nodeDied(String role, int incarnation, String description) {
        submit(() -> onNodeDied(role, incarnation, description));
    }

    /**
     * Aborts the run for a reason outside any node (a simulation that cannot go on).
     *
     * @param description what happened, the root cause's summary
     */
    public void abort(String description) {
        submit(() -> abort(new RootCause(null, null, description, null, false)));
    }

    /**
     * For the conductor's idle wait, which need not wake before then (a frame wakes it sooner).
     *
     * @return how long until the earliest of its deadlines and timers, on its clock, 0 if one passed
     */
    public long nanosToNextDeadline() {
        long next = Math.min(deadlines.next(), timers.next());
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, next - now);
    }

    @Override
    public String roleName() {
        return "multinode-conductor";
    }

    @Override
    public void onStart() {
        deadlines.conductorStarted(countedTime());
        events.record(EventKind.LIFECYCLE, null, "conductor started");
    }

    @Override
    public int doWork() {
        if (result.isDone()) {
            throw new AgentTerminationException();
        }
        now = countedTime();
        int work = endpoint.poll(this, POLL_LIMIT);
        work += commands.drain(Runnable::run);
        work += deadlineWatch.act(now);
        work += timers.act(now);
        if (nodes.allDone()) {
            finish();
            work++;
        }
        return work;
    }

    /**
     * The conductor's thread failed: the run cannot go on.
     *
     * @param error what it threw
     */
    public void onError(Throwable error) {
        if (error instanceof AgentTerminationException) {
            return;
        }
        ConductorLog.LOG.error("The conductor failed", error);
        result.completeExceptionally(error);
    }

    private void finish() {
        faults.pauses().resumeAll("the end of the run");
        nodes.broadcast(FrameType.STOP, Signal.write(outgoing));
        events.record(EventKind.END, null, rootCause == null ? "run passed" : "run failed");
        List<PhaseRecord> phases = ledger.close(barriers.openBarrier(), clock.now());
        result.complete(new ConductorResult(rootCause, NodeReports.of(nodes.all()), phases, deadlineWatch.givenUp()));
    }

    @Override
    public void onFrame(int from, int type, ByteBuffer payload) {
        NodeState node = nodes.byParticipant(from);
        if (node == null) {
            ConductorLog.LOG.warn("The conductor ignored a frame of type {} from unknown participant {}", type, from);
            return;
        }
        ByteBuffer frame = Wire.copy(payload, received);
        switch (type) {
            case FrameType.HELLO -> onHello(node);
            case FrameType.HEARTBEAT -> onHeartbeat(node);
            case FrameType.ENTER -> {
                enter.wrap(frame).addTraffic(node.participant, ledger.current());
                abortOn(barriers.enter(node, enter.barrier(), enter.timeoutMillis(), now));
            }
            case FrameType.DONE -> onDone(node, done.wrap(frame));
            case FrameType.DUMP -> deadlineWatch.stackReceived(node.role, dump.wrap(frame).stack());
            case FrameType.FAULT_REQUEST -> faults.onRequest(node, faultRequest.wrap(frame));
            case FrameType.FAULT_APPLIED -> faults.onApplied(FaultAppliedMessage.applyId(frame), FaultAppliedMessage.touched(frame));
            case FrameType.PUBLISH -> directory.publish(node, publish.wrap(frame).key(), publish.value());
            case FrameType.LOOKUP -> directory.lookup(node, lookup.wrap(frame).requestId(), lookup.role(), lookup.key(),
                    lookup.timeoutMillis(), now);
            case FrameType.EXCHANGE -> directory.exchange(node, exchange.wrap(frame).key(), exchange.value(),
                    exchange.timeoutMillis(), now);
            default -> ConductorLog.LOG.warn("The conductor ignored a frame of type {} from {}", type, node.role);
        }
    }

    private void onHello(NodeState node) {
        if (faults.restarts().hello(node) || node.phase != Phase.STARTING) {
            return;
        }
        node.phase = Phase.RUNNING;
        events.record(EventKind.LIFECYCLE, node.role, "node up");
        for (NodeState other : nodes.all()) {
            if (other.phase == Phase.STARTING) {
                return;
            }
        }
        deadlines.bodiesStarted(now);
        for (NodeState each : nodes.all()) {
            each.startedNanos = now;
        }
        events.record(EventKind.START, null, "all nodes up: bodies start");
        if (rootCause == null) {
            nodes.broadcast(FrameType.START, Signal.write(outgoing));
        }
    }

    /**
     * @return the time the deadlines count: in a debug run it stands still while the debugged node
     *     could beat but does not; a node that is gone or down for a restart's downtime cannot
     */
    private long countedTime() {
        long monotonic = clock.nanoTime();
        if (debugged != null) {
            countedTime.expectBeats(!debugged.phase.isDone() && !faults.restarts().inDowntime(debugged), monotonic);
        }
        return countedTime.counted(monotonic);
    }

    private void onHeartbeat(NodeState node) {
        if (node != debugged) {
            return;
        }
        long notCounted = countedTime.heartbeat(clock.nanoTime());
        if (notCounted > 0) { // on the timeline, so that a deadline later than expected explains itself
            events.record(EventKind.LIFECYCLE, node.role, "no heartbeat for "
                    + TimeUnit.NANOSECONDS.toMillis(notCounted + CountedTime.ALLOWANCE_NANOS)
                    + " ms (suspended by a debugger): deadlines left out " + TimeUnit.NANOSECONDS.toMillis(notCounted) + " ms");
        }
    }

    private void onDone(NodeState node, DoneMessage message) {
        if (node.phase.isDone()) {
            return;
        }
        node.step = message.step();
        node.error = message.error();
        message.addTraffic(node.participant, ledger.current());
        node.doneNanos = now;
        switch (message.outcome()) {
            case PASSED -> {
                node.phase = Phase.PASSED;
                events.record(EventKind.PASSED, node.role, "body passed");
                abortOn(barriers.finished(node));
                directory.nodeLeft();
            }
            case FAILED -> {
                node.phase = Phase.FAILED;
                events.record(EventKind.FAILED, node.role, "body failed " + node.step + ": " + node.error);
                abort(new RootCause(node.role, node.step, String.valueOf(node.error), node.error, true));
            }
            case CANCELLED -> cancelled(node);
        }
    }

    private void cancelled(NodeState node) {
        node.phase = Phase.CANCELLED;
        events.record(EventKind.CANCELLED, node.role, "body cancelled " + node.step);
    }

    private void onNodeDied(String role, int incarnation, String description) {
        NodeState node = nodes.byRole(role);
        if (node.phase.isDone() || node.removing || incarnation < node.incarnation) {
            return;
        }
        died(node, description);
    }

    /** A death no fault asked for, or a restart whose new incarnation could not start: the run fails. */
    void died(NodeState node, String description) {
        node.phase = Phase.DIED;
        node.detail = description;
        node.doneNanos = now;
        events.record(EventKind.DIED, node.role, description);
        barriers.lost(node); // the death, not the barrier, is the root cause
        abort(new RootCause(node.role, node.step, description, null, false));
    }

    /** A fault removed the node on purpose: it leaves the barrier set. */
    void removed(NodeState node, Phase phase) {
        node.phase = phase;
        node.paused = false;
        node.doneNanos = now;
        events.record(EventKind.REMOVED, node.role, phase == Phase.KILLED ? "killed by a fault" : "shut down by a fault");
        barriers.removed();
        directory.nodeLeft();
    }

    private void abortOn(BarrierFailure failure) {
        if (failure != null) {
            abort(failure.rootCause());
        }
    }

    /** @return the conductor's clock reading of the current duty cycle */
    long now() {
        return now;
    }

    /** @return whether the run was aborted */
    boolean isAborted() {
        return rootCause != null;
    }

    /** A restarted node came up after the abort: it is told so instead of starting its body. */
    void abortLate(NodeState node) {
        nodes.send(node, FrameType.ABORT, AbortMessage.write(outgoing, "the run was aborted while " + node.role
                + " was down for a restart"));
    }

    private void abort(RootCause cause) {
        if (rootCause != null) {
            return;
        }
        rootCause = cause;
        faults.pauses().resumeAll("the abort");
        barriers.runAborted();
        deadlines.aborted(now);
        events.record(EventKind.ABORTED, cause.role(), "run aborted: " + cause.summary());
        ByteBuffer payload = AbortMessage.write(outgoing,
                (cause.role() == null ? "" : cause.role() + " failed: ") + firstLine(cause.summary()));
        for (NodeState node : nodes.running()) {
            nodes.send(node, FrameType.ABORT, payload);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
