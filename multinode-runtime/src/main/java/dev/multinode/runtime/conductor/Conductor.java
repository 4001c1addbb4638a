package dev.multinode.runtime.conductor;

import dev.multinode.BarrierFailedException;
import dev.multinode.runtime.node.IdleStrategies;
import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.DumpMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.ReleaseMessage;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinates a run from participant 0: starts the nodes together, gathers them at barriers,
 * collects their outcomes, enforces the run's timeout and aborts the run at its first failure.
 * Single-threaded: everything happens on the thread that calls {@link #run}; other threads talk to
 * it through {@link #submit}.
 */
public final class Conductor implements FrameReceiver, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Conductor.class);
    private static final long DUMP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Endpoint endpoint;
    private final List<NodeState> nodes = new ArrayList<>();
    private final ConductorTimeouts timeouts;
    private final RunEvents events;
    private final ManyToOneConcurrentArrayQueue<Runnable> commands = new ManyToOneConcurrentArrayQueue<>(1024);
    private final ByteBuffer received;
    private final ByteBuffer outgoing;
    private final IdleStrategy idle = IdleStrategies.coordinator();
    private final CompletableFuture<ConductorResult> result = new CompletableFuture<>();
    private final Map<String, String> dumps = new LinkedHashMap<>();
    private final FaultCoordinator faults;
    private final EnterMessage enter = new EnterMessage();
    private final DoneMessage done = new DoneMessage();
    private final DumpMessage dump = new DumpMessage();
    private final FaultRequestMessage faultRequest = new FaultRequestMessage();

    private final List<PhaseRecord> phases = new ArrayList<>();
    private long[][] traffic;
    private long[][] dropped;
    private Instant barrierOpened;
    private Barrier barrier;
    private RootCause rootCause;
    private boolean started;
    private long startDeadline;
    private long runDeadline;
    private long dumpDeadline;
    private long abortDeadline;

    /**
     * @param endpoint          participant 0's endpoint
     * @param roles             the roles, in order (participants 1..N)
     * @param timeouts          the run's time limits
     * @param events            where the timeline goes
     * @param transportFrameSize the transport's frame limit
     */
    public Conductor(Endpoint endpoint, List<String> roles, ConductorTimeouts timeouts, RunEvents events,
                     int transportFrameSize) {
        this.endpoint = endpoint;
        this.timeouts = timeouts;
        this.events = events;
        for (int i = 0; i < roles.size(); i++) {
            nodes.add(new NodeState(roles.get(i), i + 1));
        }
        this.received = ByteBuffer.allocate(transportFrameSize);
        this.outgoing = ByteBuffer.allocate(transportFrameSize);
        this.faults = new FaultCoordinator(this, nodes, events, transportFrameSize);
        this.traffic = new long[roles.size() + 1][roles.size() + 1];
        this.dropped = new long[roles.size() + 1][roles.size() + 1];
    }

    /**
     * In process mode, how to kill a node's JVM (SIGKILL), returning once it is dead. Without one,
     * a kill is carried out by the node itself (thread mode). Call before {@link #run}.
     *
     * @param killer kills the node of the given role
     */
    public void processKiller(java.util.function.Consumer<String> killer) {
        faults.processKiller(killer);
    }

    /** @return completes when the run is over */
    public CompletableFuture<ConductorResult> result() {
        return result;
    }

    /**
     * Runs a command on the conductor's thread (from launchers: a process died).
     *
     * @param command what to run
     */
    public void submit(Runnable command) {
        while (!commands.offer(command)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Tells the conductor a node's process died. A death is the run's failure unless the node was
     * removed on purpose or had finished.
     *
     * @param role        the node
     * @param description how it died, with its exit code and last lines
     */
    public void nodeDied(String role, String description) {
        submit(() -> onNodeDied(role, description));
    }

    @Override
    public void run() {
        startDeadline = System.nanoTime() + timeouts.start().toNanos();
        events.record(null, "conductor started");
        try {
            while (!isFinished()) {
                int work = endpoint.poll(this, 64);
                work += commands.drain(Runnable::run);
                checkDeadlines(System.nanoTime());
                idle.idle(work);
            }
            broadcast(FrameType.STOP, Signal.write(outgoing));
            events.record(null, rootCause == null ? "run passed" : "run failed");
            Instant end = Instant.now();
            phases.add(new PhaseRecord(barrier == null ? null : barrier.name, barrier == null ? end : barrierOpened, end,
                    traffic, dropped));
            result.complete(new ConductorResult(rootCause, reports(), List.copyOf(phases)));
        } catch (RuntimeException | Error e) {
            LOG.error("The conductor failed", e);
            result.completeExceptionally(e);
        }
    }

    private boolean isFinished() {
        for (NodeState node : nodes) {
            if (!node.phase.isDone()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onFrame(int from, int type, ByteBuffer payload) {
        if (from < 1 || from > nodes.size()) {
            LOG.warn("The conductor ignored a frame of type {} from unknown participant {}", type, from);
            return;
        }
        NodeState node = nodes.get(from - 1);
        ByteBuffer frame = Wire.copy(payload, received);
        switch (type) {
            case FrameType.HELLO -> onHello(node);
            case FrameType.ENTER -> {
                enter.wrap(frame).addTraffic(node.participant, traffic, dropped);
                onEnter(node, enter.barrier(), enter.timeoutMillis());
            }
            case FrameType.DONE -> onDone(node, done.wrap(frame));
            case FrameType.DUMP -> onDump(node, dump.wrap(frame).stack());
            case FrameType.FAULT_REQUEST -> faults.onRequest(node, faultRequest.wrap(frame));
            case FrameType.FAULT_APPLIED -> faults.onApplied(FaultAppliedMessage.applyId(frame));
            default -> LOG.warn("The conductor ignored a frame of type {} from {}", type, node.role);
        }
    }

    private void onHello(NodeState node) {
        if (node.phase != Phase.STARTING) {
            return;
        }
        node.phase = Phase.RUNNING;
        events.record(node.role, "node up");
        for (NodeState other : nodes) {
            if (other.phase == Phase.STARTING) {
                return;
            }
        }
        started = true;
        long now = System.nanoTime();
        runDeadline = now + timeouts.run().toNanos(); // JVM start-up does not eat into the bodies' time
        for (NodeState each : nodes) {
            each.startedNanos = now;
        }
        events.record(null, "all nodes up: bodies start");
        if (rootCause == null) {
            broadcast(FrameType.START, Signal.write(outgoing));
        }
    }

    private void onEnter(NodeState node, String name, long timeoutMillis) {
        if (node.phase.isDone() || rootCause != null) {
            return;
        }
        long now = System.nanoTime();
        if (barrier == null) {
            barrier = new Barrier(name, nodes.size(), now, timeoutMillis);
            barrierOpened = Instant.now();
        } else if (!barrier.name.equals(name)) {
            failBarrier(node.role, "barrier names disagree: " + barrier.arrivedRoles(nodes) + " wait at '" + barrier.name
                    + "' but " + node.role + " entered '" + name + "'");
            return;
        }
        barrier.arrive(node.participant - 1, now, timeoutMillis);
        node.phase = Phase.AT_BARRIER;
        node.barrier = name;
        node.step = "at barrier '" + name + "'";
        for (NodeState other : nodes) {
            if (other.phase == Phase.PASSED) {
                failBarrier(other.role, other.role + " finished its body without entering barrier '" + name
                        + "', which " + barrier.arrivedRoles(nodes) + " wait at");
                return;
            }
        }
        releaseIfComplete();
    }

    private void releaseIfComplete() {
        if (barrier == null) {
            return;
        }
        for (NodeState node : nodes) {
            if (!node.phase.isRemoved() && !(node.phase == Phase.AT_BARRIER && barrier.hasArrived(node.participant - 1))) {
                return;
            }
        }
        ByteBuffer payload = ReleaseMessage.write(outgoing, barrier.name);
        for (NodeState node : nodes) {
            if (node.phase == Phase.AT_BARRIER) {
                node.phase = Phase.RUNNING;
                node.lastPassedBarrier = barrier.name;
                node.step = "after barrier '" + barrier.name + "'";
                sendTo(node, FrameType.RELEASE, payload);
            }
        }
        events.record(null, "barrier '" + barrier.name + "' passed");
        phases.add(new PhaseRecord(barrier.name, barrierOpened, Instant.now(), traffic, dropped));
        traffic = new long[nodes.size() + 1][nodes.size() + 1];
        dropped = new long[nodes.size() + 1][nodes.size() + 1];
        barrier = null;
    }

    private void onDone(NodeState node, DoneMessage message) {
        if (node.phase.isDone()) {
            return;
        }
        node.step = message.step();
        node.error = message.error();
        message.addTraffic(node.participant, traffic, dropped);
        node.doneNanos = System.nanoTime();
        switch (message.outcome()) {
            case PASSED -> {
                node.phase = Phase.PASSED;
                events.record(node.role, "body passed");
                if (barrier != null && rootCause == null) {
                    failBarrier(node.role, node.role + " finished its body while " + barrier.arrivedRoles(nodes)
                            + " wait for it at barrier '" + barrier.name + "'");
                }
            }
            case FAILED -> {
                node.phase = Phase.FAILED;
                events.record(node.role, "body failed " + node.step + ": " + node.error);
                abort(new RootCause(node.role, node.step, String.valueOf(node.error), node.error, true));
            }
            case CANCELLED -> {
                node.phase = Phase.CANCELLED;
                events.record(node.role, "body cancelled " + node.step);
            }
        }
    }

    private void onDump(NodeState node, String stack) {
        dumps.put(node.role, stack);
    }

    private void onNodeDied(String role, String description) {
        NodeState node = nodeOf(role);
        if (node.phase.isDone() || node.removing) {
            return;
        }
        node.phase = Phase.DIED;
        node.detail = description;
        node.doneNanos = System.nanoTime();
        events.record(role, description);
        abort(new RootCause(role, node.step, description, null, false));
    }

    /** A fault removed the node on purpose: it leaves the barrier set. */
    void removed(NodeState node, Phase phase) {
        node.phase = phase;
        node.doneNanos = System.nanoTime();
        events.record(node.role, phase == Phase.KILLED ? "killed by a fault" : "shut down by a fault");
        releaseIfComplete();
    }

    NodeState nodeOf(String role) {
        for (NodeState node : nodes) {
            if (node.role.equals(role)) {
                return node;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + role + "'");
    }

    private void failBarrier(String culprit, String reason) {
        String name = barrier.name;
        String message = "Barrier '" + name + "' failed: " + reason + "; " + whereaboutsOfMissing();
        BarrierFailedException error = new BarrierFailedException(message);
        error.setStackTrace(new StackTraceElement[0]);
        abort(new RootCause(culprit, "barrier '" + name + "'", message, error, false));
    }

    private String whereaboutsOfMissing() {
        List<String> missing = new ArrayList<>();
        for (NodeState node : nodes) {
            if (!node.phase.isRemoved() && !barrier.hasArrived(node.participant - 1)) {
                missing.add(node.role + " (" + node.whereabouts() + ")");
            }
        }
        return "arrived: " + barrier.arrivedRoles(nodes) + "; missing: " + (missing.isEmpty() ? "none" : String.join(", ", missing));
    }

    private void abort(RootCause cause) {
        if (rootCause != null) {
            return;
        }
        rootCause = cause;
        abortDeadline = System.nanoTime() + timeouts.abortGrace().toNanos();
        events.record(cause.role(), "run aborted: " + cause.summary());
        ByteBuffer payload = AbortMessage.write(outgoing,
                (cause.role() == null ? "" : cause.role() + " failed: ") + firstLine(cause.summary()));
        for (NodeState node : nodes) {
            if (!node.phase.isDone()) {
                sendTo(node, FrameType.ABORT, payload);
            }
        }
    }

    private void checkDeadlines(long now) {
        if (rootCause != null) {
            if (now - abortDeadline > 0) {
                for (NodeState node : nodes) {
                    if (!node.phase.isDone()) {
                        node.phase = Phase.CANCELLED;
                        node.detail = "did not stop within " + timeouts.abortGrace().toMillis() + " ms after the abort";
                    }
                }
            }
            return;
        }
        if (!started && now - startDeadline > 0) {
            List<String> missing = new ArrayList<>();
            nodes.stream().filter(n -> n.phase == Phase.STARTING).forEach(n -> missing.add(n.role));
            abort(new RootCause(missing.size() == 1 ? missing.get(0) : null, "start",
                    "Nodes " + missing + " did not start within " + timeouts.start().toMillis() + " ms", null, false));
        } else if (barrier != null && now - barrier.deadlineNanos > 0) {
            List<String> missing = new ArrayList<>();
            nodes.stream().filter(n -> !n.phase.isRemoved() && !barrier.hasArrived(n.participant - 1))
                    .forEach(n -> missing.add(n.role));
            failBarrier(missing.size() == 1 ? missing.get(0) : null, "timed out after " + barrier.timeoutMillis + " ms");
        } else if (started && now - runDeadline > 0) {
            onRunTimeout(now);
        }
    }

    private void onRunTimeout(long now) {
        if (dumpDeadline == 0) {
            dumpDeadline = now + DUMP_WAIT_NANOS;
            for (NodeState node : nodes) {
                if (!node.phase.isDone()) {
                    sendTo(node, FrameType.DUMP_REQUEST, Signal.write(outgoing));
                }
            }
            return;
        }
        List<NodeState> stuck = nodes.stream().filter(n -> !n.phase.isDone()).toList();
        boolean allDumped = stuck.stream().allMatch(n -> dumps.containsKey(n.role));
        if (!allDumped && now - dumpDeadline < 0) {
            return;
        }
        StringBuilder message = new StringBuilder("Run timed out after ").append(timeouts.run().toMillis())
                .append(" ms; still running: ");
        message.append(String.join(", ", stuck.stream().map(n -> n.role + " (" + n.whereabouts() + ")").toList()));
        for (NodeState node : stuck) {
            message.append("\nStack of ").append(node.role).append(":\n")
                    .append(dumps.getOrDefault(node.role, "(no stack received)"));
        }
        AssertionError error = new AssertionError(message.toString());
        error.setStackTrace(new StackTraceElement[0]);
        abort(new RootCause(stuck.size() == 1 ? stuck.get(0).role : null, stuck.size() == 1 ? stuck.get(0).whereabouts() : "run",
                message.toString(), error, false));
    }

    private List<NodeReport> reports() {
        List<NodeReport> reports = new ArrayList<>();
        for (NodeState node : nodes) {
            long durationMs = node.startedNanos == 0 || node.doneNanos == 0 ? 0
                    : TimeUnit.NANOSECONDS.toMillis(node.doneNanos - node.startedNanos);
            String outcome = switch (node.phase) {
                case PASSED -> "passed";
                case FAILED -> "failed";
                case CANCELLED -> node.detail == null ? "cancelled" : "cancelled, " + node.detail;
                case KILLED -> "killed";
                case SHUT_DOWN -> "shut down";
                case DIED -> node.detail;
                default -> "did not finish";
            };
            reports.add(new NodeReport(node.role, outcome, node.step, node.error, durationMs));
        }
        return reports;
    }

    private void broadcast(int type, ByteBuffer payload) {
        for (NodeState node : nodes) {
            if (node.phase != Phase.KILLED && node.phase != Phase.DIED) {
                sendTo(node, type, payload);
            }
        }
    }

    /** A node that just died may be unreachable; that must not stop the conductor. */
    void sendTo(NodeState node, int type, ByteBuffer payload) {
        try {
            endpoint.send(node.participant, type, payload);
        } catch (IllegalStateException e) {
            // a lost control frame can stall the run: say so where the run's output shows it
            LOG.warn("The conductor could not send a frame of type {} to {}: {}", type, node.role, e.getMessage());
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * The run's time limits.
     *
     * @param start      how long the nodes may take to come up
     * @param run        how long the whole run may take
     * @param abortGrace how long nodes may take to stop after an abort
     */
    public record ConductorTimeouts(Duration start, Duration run, Duration abortGrace) {
    }
}
