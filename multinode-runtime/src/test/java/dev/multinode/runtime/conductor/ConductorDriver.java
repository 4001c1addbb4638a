package dev.multinode.runtime.conductor;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.BarrierFailedMessage;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.DumpMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.ExchangeMessage;
import dev.multinode.runtime.protocol.ExchangeResultMessage;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupAnswerMessage;
import dev.multinode.runtime.protocol.LookupMessage;
import dev.multinode.runtime.protocol.Outcome;
import dev.multinode.runtime.protocol.PublishMessage;
import dev.multinode.runtime.protocol.ReleaseMessage;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.runtime.protocol.TrafficReport;
import dev.multinode.runtime.testing.FakeEndpoint;
import dev.multinode.spi.TransportContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.CachedNanoClock;

/**
 * Drives a {@link Conductor} in virtual time, as its nodes would: feeds their frames, advances the
 * clock, calls {@code doWork} until the conductor is idle, and reads back what it sent.
 */
final class ConductorDriver {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration ABORT_GRACE = Duration.ofSeconds(10);
    /** Where the virtual wall clock starts. */
    static final Instant EPOCH = Instant.parse("2026-12-03T08:00:00Z");
    /** Like {@code System.nanoTime}'s, the monotonic clock's origin is arbitrary. */
    private static final long MONOTONIC_ORIGIN = TimeUnit.DAYS.toNanos(3);
    private static final int FRAME_SIZE = 64 * 1024;
    private static final Duration HEARTBEAT_PERIOD = Duration.ofMillis(100);
    private static final int MAX_DUTY_CYCLES = 1_000;

    private final List<String> roles;
    private final CachedNanoClock nanos = new CachedNanoClock();
    private final FakeEndpoint endpoint = new FakeEndpoint(TransportContext.CONDUCTOR);
    private final Conductor conductor;
    private final ByteBuffer buffer = ByteBuffer.allocate(FRAME_SIZE);
    private long nextRequestId;
    private int confirmed;

    /** A conductor for these roles with a two-minute run timeout, started. */
    ConductorDriver(String... roles) {
        this(Duration.ofMinutes(2), roles);
    }

    /** A conductor for these roles and run timeout, started. */
    ConductorDriver(Duration runTimeout, String... roles) {
        this(runTimeout, false, roles);
        start();
    }

    /** A conductor for these roles and run timeout, whose barriers may skip paused nodes, not started. */
    ConductorDriver(Duration runTimeout, boolean skipPausedNodes, String... roles) {
        this.roles = List.of(roles);
        nanos.update(MONOTONIC_ORIGIN);
        long epochNanos = TimeUnit.SECONDS.toNanos(EPOCH.getEpochSecond());
        ConductorClock clock = new ConductorClock(nanos, () -> epochNanos + nanos.nanoTime() - MONOTONIC_ORIGIN);
        conductor = new Conductor(endpoint, this.roles, new ConductorTimeouts(START_TIMEOUT, runTimeout, ABORT_GRACE),
                clock, FRAME_SIZE, skipPausedNodes);
    }

    /**
     * Starts the conductor: after the launcher's hooks ({@link Conductor#nodeStarter},
     * {@link Conductor#nodeFreezer}) are in place.
     *
     * @return this driver
     */
    ConductorDriver start() {
        conductor.onStart();
        work();
        return this;
    }

    /**
     * Makes a node the debugged one ({@link Conductor#debuggedNode}); before {@link #start}.
     *
     * @return this driver
     */
    ConductorDriver debugged(String role) {
        conductor.debuggedNode(role);
        return this;
    }

    /** The node's heartbeat arrives: it is not suspended by a debugger. */
    void heartbeat(String role) {
        feed(role, FrameType.HEARTBEAT, Signal.write(buffer));
    }

    /** Moves virtual time on in steps of the heartbeat's period, with the node's heartbeat after each. */
    void advanceBeating(String role, Duration by) {
        for (Duration left = by; !left.isNegative() && !left.isZero(); left = left.minus(HEARTBEAT_PERIOD)) {
            advance(HEARTBEAT_PERIOD);
            heartbeat(role);
        }
    }

    /** Every node says hello; the bodies start. */
    ConductorDriver allUp() {
        roles.forEach(this::hello);
        work();
        return this;
    }

    void hello(String role) {
        feed(role, FrameType.HELLO, Signal.write(buffer));
    }

    void enter(String role, String barrier, long timeoutMillis) {
        enter(role, barrier, timeoutMillis, new long[roles.size() + 1]);
    }

    /** Enters with the frames the node sent each participant since its last report. */
    void enter(String role, String barrier, long timeoutMillis, long[] sentTo) {
        feed(role, FrameType.ENTER, EnterMessage.write(buffer, barrier, timeoutMillis, counts(sentTo)));
    }

    void done(String role, Outcome outcome, String step, Throwable error) {
        feed(role, FrameType.DONE, DoneMessage.write(buffer, outcome, step, error, counts(new long[roles.size() + 1])));
    }

    void passed(String role) {
        done(role, Outcome.PASSED, "after barrier 'whatever'", null);
    }

    void cancelled(String... cancelledRoles) {
        for (String role : cancelledRoles) {
            done(role, Outcome.CANCELLED, "cancelled", null);
        }
    }

    void stack(String role, String stack) {
        feed(role, FrameType.DUMP, DumpMessage.write(buffer, stack));
    }

    void died(String role, String description) {
        died(role, 0, description);
    }

    void died(String role, int incarnation, String description) {
        conductor.nodeDied(role, incarnation, description);
        work();
    }

    /** The requester kills the victim through a fault, and every node confirms its part at once. */
    void kill(String requester, String victim) {
        feed(requester, FrameType.FAULT_REQUEST, FaultRequestMessage.write(buffer, ++nextRequestId, FaultKind.KILL,
                Direction.BOTH, 0, 0, List.of(victim), List.of()));
        confirmAll();
    }

    /** Every node confirms every application sent to it that it has not confirmed yet. */
    void confirmAll() {
        for (; confirmed < endpoint.sent().size(); confirmed++) {
            FakeEndpoint.Frame frame = endpoint.sent().get(confirmed);
            if (frame.type() == FrameType.FAULT_APPLY) {
                long applyId = new FaultApplyMessage().wrap(frame.buffer()).applyId();
                endpoint.deliver(frame.peer(), FrameType.FAULT_APPLIED, FaultAppliedMessage.write(buffer, applyId, true));
            }
        }
        work();
    }

    /** Moves virtual time on and lets the conductor act on it. */
    void advance(Duration by) {
        nanos.advance(by.toNanos());
        work();
    }

    /** Calls {@code doWork} until the conductor has nothing left to do or the run is over. */
    void work() {
        for (int i = 0; i < MAX_DUTY_CYCLES && !conductor.result().isDone(); i++) {
            if (conductor.doWork() == 0) {
                return;
            }
        }
    }

    Conductor conductor() {
        return conductor;
    }

    /** @return the run's result; fails if the run is not over */
    ConductorResult result() {
        return conductor.result().getNow(null);
    }

    /** @return each node's outcome, in role order; fails if the run is not over */
    List<String> outcomes() {
        return result().nodes().stream().map(NodeReport::outcome).toList();
    }

    /** @return the kinds of the conductor's events so far, in order */
    List<EventKind> eventKinds() {
        return conductor.events().snapshot().stream().map(RunEvents.Event::kind).toList();
    }

    /** @return the types of the frames sent to a node, in order */
    List<Integer> typesSentTo(String role) {
        return framesTo(role).stream().map(FakeEndpoint.Frame::type).toList();
    }

    List<String> releasesTo(String role) {
        return framesTo(role, FrameType.RELEASE).stream().map(p -> new ReleaseMessage().wrap(p).barrier()).toList();
    }

    /** @return the explanations of the BARRIER_FAILED frames sent to a node */
    List<String> barrierFailuresTo(String role) {
        return framesTo(role, FrameType.BARRIER_FAILED).stream().map(p -> new BarrierFailedMessage().wrap(p).reason())
                .toList();
    }

    /** @return the barrier named by each BARRIER_FAILED frame sent to a node */
    List<String> failedBarriersTo(String role) {
        return framesTo(role, FrameType.BARRIER_FAILED).stream().map(p -> new BarrierFailedMessage().wrap(p).barrier())
                .toList();
    }

    List<String> abortsTo(String role) {
        return framesTo(role, FrameType.ABORT).stream().map(p -> new AbortMessage().wrap(p).reason()).toList();
    }

    /** The requester asks for a fault on the target alone; nothing is confirmed yet. */
    void requestFault(String requester, FaultKind kind, String target, long nanos, double probability) {
        feed(requester, FrameType.FAULT_REQUEST, FaultRequestMessage.write(buffer, ++nextRequestId, kind, Direction.BOTH,
                nanos, probability, List.of(target), List.of()));
    }

    /** The node confirms that it applied its part of a fault. */
    void confirm(String role, long applyId) {
        confirm(role, applyId, true);
    }

    /** The node confirms its part of a fault, saying whether the link carried the system's traffic there. */
    void confirm(String role, long applyId, boolean touched) {
        feed(role, FrameType.FAULT_APPLIED, FaultAppliedMessage.write(buffer, applyId, touched));
    }

    /** The requester asks for a fault on the link from one node to another; nothing is confirmed yet. */
    void requestLinkFault(String requester, FaultKind kind, String from, String to, Direction direction, long nanos,
                          double probability) {
        feed(requester, FrameType.FAULT_REQUEST, FaultRequestMessage.write(buffer, ++nextRequestId, kind, direction,
                nanos, probability, List.of(from), List.of(to)));
    }

    /** The requester asks for a partition between two sides; nothing is confirmed yet. */
    void feedPartition(String requester, List<String> side1, List<String> side2) {
        feed(requester, FrameType.FAULT_REQUEST, FaultRequestMessage.write(buffer, ++nextRequestId, FaultKind.PARTITION,
                Direction.BOTH, 0, 0, side1, side2));
    }

    /** @return the notice of each fault answer sent to a node, empty when there is none */
    List<String> faultNoticesTo(String role) {
        return framesTo(role, FrameType.FAULT_DONE).stream().map(p -> new FaultDoneMessage().wrap(p).notice()).toList();
    }

    /** @return the fault applications sent to a node, in order */
    List<FaultApplyMessage> applicationsTo(String role) {
        return framesTo(role, FrameType.FAULT_APPLY).stream().map(p -> new FaultApplyMessage().wrap(p)).toList();
    }

    /** @return the refusal of each fault answer sent to a node, empty for a fault in force */
    List<String> faultAnswersTo(String role) {
        return framesTo(role, FrameType.FAULT_DONE).stream().map(p -> new FaultDoneMessage().wrap(p).refusal()).toList();
    }

    void publish(String role, String key, String value) {
        feed(role, FrameType.PUBLISH, PublishMessage.write(buffer, key, value));
    }

    /** The asker looks up what a node published under a key, waiting up to the timeout. */
    void lookup(String asker, String role, String key, long timeoutMillis) {
        feed(asker, FrameType.LOOKUP, LookupMessage.write(buffer, ++nextRequestId, timeoutMillis, role, key));
    }

    void exchange(String role, String key, String value, long timeoutMillis) {
        feed(role, FrameType.EXCHANGE, ExchangeMessage.write(buffer, timeoutMillis, key, value));
    }

    /** @return each lookup answer sent to a node: the value, or "refused: " and why */
    List<String> lookupAnswersTo(String role) {
        return framesTo(role, FrameType.LOOKUP_ANSWER).stream().map(p -> new LookupAnswerMessage().wrap(p))
                .map(a -> a.refusal().isEmpty() ? a.value() : "refused: " + a.refusal()).toList();
    }

    /** @return each exchange result sent to a node: the values by role, or "refused: " and why */
    List<String> exchangeResultsTo(String role) {
        return framesTo(role, FrameType.EXCHANGE_RESULT).stream().map(p -> new ExchangeResultMessage().wrap(p))
                .map(r -> r.refusal().isEmpty() ? r.values().toString() : "refused: " + r.refusal()).toList();
    }

    private List<ByteBuffer> framesTo(String role, int type) {
        return framesTo(role).stream().filter(f -> f.type() == type).map(f -> f.buffer()).toList();
    }

    private List<FakeEndpoint.Frame> framesTo(String role) {
        int participant = participant(role);
        return endpoint.sent().stream().filter(f -> f.peer() == participant).toList();
    }

    private void feed(String role, int type, ByteBuffer payload) {
        endpoint.deliver(participant(role), type, payload);
        work();
    }

    private int participant(String role) {
        return roles.indexOf(role) + 1;
    }

    private static TrafficReport.Counts counts(long[] sentTo) {
        return TrafficReport.Counts.of(sentTo, new long[sentTo.length], new long[sentTo.length], new long[sentTo.length][]);
    }
}
