package dev.multinode.runtime.node;

import dev.multinode.Faults;
import dev.multinode.Direction;
import dev.multinode.FrameHandler;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.NodeBody;
import dev.multinode.ProbeRef;
import dev.multinode.RunAbortedException;
import dev.multinode.ThrowingRunnable;
import dev.multinode.runtime.codec.MalformedMessageException;
import dev.multinode.runtime.codec.MessageCodec;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.agrona.collections.Object2IntHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One node of a run: the {@link Node} a body sees, and the node's life from hello to stop. The same
 * class serves thread and process launch; only the thread that calls {@link #run} differs.
 */
public final class NodeRuntime implements Node {

    private static final long JOIN_MILLIS = 5_000;

    private final NodeConfig config;
    private final Endpoint endpoint;
    private final Object2IntHashMap<String> participantOf = new Object2IntHashMap<>(-1);
    private final SendBuffers buffers;
    private final NodeControl control;
    private final BarrierClient barriers;
    private final NodeReceiver receiver;
    private final NodeResources resources;
    private final MessageCodec codec;
    private final LinkFilter filter;
    private final TrafficCounter traffic;
    private final FaultsClient faults;
    private final Logger log;
    private final ConcurrentHashMap<String, ProbeMailbox> probes = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> backgroundFailure = new AtomicReference<>();
    private final AtomicLong unhandledFrames = new AtomicLong();
    private final AtomicBoolean endpointClosed = new AtomicBoolean();
    private volatile FrameHandler handler;
    private Thread receiverThread;

    /**
     * @param config   who this node is and the run's settings it needs
     * @param endpoint this node's endpoint on the run's transport
     */
    public NodeRuntime(NodeConfig config, Endpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
        List<String> roles = config.roles();
        for (int i = 0; i < roles.size(); i++) {
            participantOf.put(roles.get(i), i + 1);
        }
        this.log = LoggerFactory.getLogger("multinode.node." + config.role());
        this.buffers = new SendBuffers(config.transportFrameSize());
        this.traffic = new TrafficCounter(roles.size() + 1);
        this.control = new NodeControl(config.role(), endpoint, buffers, traffic);
        this.barriers = new BarrierClient(control);
        this.receiver = new NodeReceiver(this, control, barriers, endpoint, config.transportFrameSize());
        this.resources = new NodeResources(config.role(), log);
        this.codec = new MessageCodec(config.allowed());
        this.filter = new LinkFilter(endpoint.participant(), roles.size() + 1, config.seed());
        this.faults = new FaultsClient(control, buffers, roles);
    }

    /**
     * Lives the node's whole life on the calling thread: announces itself, waits for the start,
     * runs the body, reports the outcome, serves the others until the conductor says stop, then
     * releases everything.
     *
     * @param body the body to run
     * @return the outcome
     */
    public NodeOutcome run(NodeBody body) {
        MDC.put("role", config.role());
        control.bodyThread(Thread.currentThread());
        receiverThread = new Thread(receiver, config.role() + "-receiver");
        receiverThread.setDaemon(true);
        receiverThread.start();
        NodeOutcome outcome;
        try {
            control.sendHello();
            outcome = awaitStart() ? runBody(body) : NodeOutcome.cancelled(control.step(), null);
            if (control.isRemoved()) {
                outcome = NodeOutcome.removed(control.step());
            } else {
                control.sendDone(outcome.status(), outcome.error());
                Thread.interrupted(); // an abort's interrupt must not cut the wait for stop short
                awaitStop();
            }
        } catch (RuntimeException | Error e) {
            outcome = NodeOutcome.failed(control.step(), e);
        } finally {
            shutdown();
            MDC.remove("role");
        }
        return outcome;
    }

    private NodeOutcome runBody(NodeBody body) {
        Throwable error = null;
        try {
            body.run(this);
        } catch (Throwable t) {
            error = t;
        }
        Throwable background = backgroundFailure.get();
        if (error == null && background == null) {
            return NodeOutcome.passed(control.step());
        }
        if (background != null && (error == null || isCancellation(error))) {
            return NodeOutcome.failed(control.step(), background);
        }
        return isCancellation(error) && control.isAborted()
                ? NodeOutcome.cancelled(control.step(), error)
                : NodeOutcome.failed(control.step(), error);
    }

    private static boolean isCancellation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RunAbortedException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private boolean awaitStart() {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        while (!control.isStarted()) {
            if (control.isAborted() || control.isStopped()) {
                return false;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(config.role() + " got no start signal from the conductor within "
                        + config.startTimeout().toMillis() + " ms");
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            Thread.interrupted();
        }
        return true;
    }

    private void awaitStop() {
        long deadline = System.nanoTime() + config.stopTimeout().toNanos();
        while (!control.isStopped() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            Thread.interrupted();
        }
        if (!control.isStopped()) {
            log.warn("{} got no stop signal from the conductor within {} ms; stopping anyway",
                    config.role(), config.stopTimeout().toMillis());
        }
    }

    private void shutdown() {
        receiver.stop();
        join(receiverThread);
        resources.close();
        closeEndpoint();
        long unhandled = unhandledFrames.get();
        if (unhandled > 0) {
            log.info("{} dropped {} frames that arrived while no handler was set (Node.onReceive)", config.role(), unhandled);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void wakeBody() {
        Thread body = control.bodyThread();
        if (body != null) {
            LockSupport.unpark(body);
        }
    }

    void failInBackground(Throwable failure) {
        if (backgroundFailure.compareAndSet(null, failure)) {
            log.error("{} failed outside its body", config.role(), failure);
            Thread body = control.bodyThread();
            if (body != null) {
                body.interrupt();
            }
        }
    }

    String bodyStack() {
        Thread body = control.bodyThread();
        if (body == null) {
            return "(no body thread)";
        }
        StringBuilder text = new StringBuilder("\"").append(body.getName()).append("\" ").append(body.getState());
        for (StackTraceElement frame : body.getStackTrace()) {
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    void deliverUserFrame(int from, ByteBuffer payload) {
        if (!filter.passInbound(from)) {
            traffic.droppedFrom(from);
            return;
        }
        FrameHandler current = handler;
        if (current == null) {
            unhandledFrames.incrementAndGet();
            return;
        }
        try {
            current.onFrame(config.roles().get(from - 1), payload);
        } catch (RuntimeException | Error e) {
            failInBackground(new IllegalStateException("The frame handler of " + config.role()
                    + " threw on a frame from " + config.roles().get(from - 1), e));
        }
    }

    void deliverProbeMessage(int from, ByteBuffer copy) {
        if (!filter.passInbound(from)) {
            traffic.droppedFrom(from);
            return;
        }
        String probeName;
        Object message;
        try {
            probeName = Wire.getString(copy);
            message = codec.decode(copy);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            log.warn("{} dropped a malformed probe message: {}", config.role(), e.getMessage());
            return;
        }
        mailbox(probeName).deliver(message);
    }

    void faultAnswered(FaultDoneMessage answer) {
        faults.answered(answer.requestId(), answer.refusal());
    }

    /**
     * Applies this node's part of a fault and confirms it to the conductor. A kill isolates the
     * node before confirming; a graceful shutdown closes its resources first. Either way the
     * receiver stops afterwards and the node leaves the run.
     */
    void applyFault(FaultApplyMessage fault) {
        int peer = fault.peer();
        switch (fault.kind()) {
            case KILL -> {
                filter.isolate();
                control.remove(config.role() + " was killed by a fault");
            }
            case SHUTDOWN -> {
                control.remove(config.role() + " was shut down by a fault");
                resources.close();
                filter.isolate();
            }
            case BLACKHOLE -> filter.block(peer, fault.direction(), true);
            case PASS_THROUGH -> filter.block(peer, fault.direction(), false);
            case PEER_GONE -> filter.block(peer, Direction.SEND, true); // what it sent before leaving still arrives
            case DELAY -> filter.delay(peer, fault.delayNanos());
            case DROP -> filter.drop(peer, fault.probability());
            case HEAL -> filter.heal();
            case PARTITION -> throw new IllegalStateException("a partition is applied as blackholes, never as such");
        }
        control.sendToConductor(FaultAppliedMessage.TYPE, FaultAppliedMessage.write(buffers.acquire(), fault.applyId()));
        if (control.isRemoved()) {
            receiver.stop();
        }
    }

    /** Releases at once what a node removed by a fault holds, whatever its body is doing. */
    void releaseAfterRemoval() {
        resources.close();
        closeEndpoint();
    }

    private void closeEndpoint() {
        if (endpointClosed.compareAndSet(false, true)) {
            endpoint.close();
        }
    }

    void onOtherFrame(int from, int type, ByteBuffer payload) {
        log.warn("{} ignored a frame of unknown type {} from participant {}", config.role(), type, from);
    }

    private ProbeMailbox mailbox(String name) {
        return probes.computeIfAbsent(name, n -> new ProbeMailbox(new ProbeRef(config.role(), n), control));
    }

    private int participant(String role) {
        int participant = participantOf.getValue(role);
        if (participant < 0) {
            throw new IllegalArgumentException("Unknown role '" + role + "': the roles of this run are " + config.roles());
        }
        return participant;
    }

    @Override
    public String role() {
        return config.role();
    }

    @Override
    public List<String> roles() {
        return config.roles();
    }

    @Override
    public boolean isRole(String... roles) {
        return Arrays.asList(roles).contains(config.role());
    }

    @Override
    public void runOn(String role, ThrowingRunnable action) throws Exception {
        participant(role);
        if (config.role().equals(role)) {
            action.run();
        }
    }

    @Override
    public void runOn(Set<String> roles, ThrowingRunnable action) throws Exception {
        roles.forEach(this::participant);
        if (roles.contains(config.role())) {
            action.run();
        }
    }

    @Override
    public void enterBarrier(String... names) {
        enterBarrier(config.barrierTimeout(), names);
    }

    @Override
    public void enterBarrier(Duration timeout, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("enterBarrier needs at least one barrier name");
        }
        for (String name : names) {
            barriers.enter(name, timeout);
        }
    }

    @Override
    public void send(String toRole, ByteBuffer frame) {
        int to = participant(toRole);
        if (frame.remaining() > config.maxFrameSize()) {
            throw new IllegalArgumentException("Frame of " + frame.remaining() + " bytes from " + config.role() + " to "
                    + toRole + " exceeds the limit of " + config.maxFrameSize() + " bytes (multinode.maxFrameSize)");
        }
        sendFaultable(to, FrameType.USER, frame);
    }

    /** Sends the system under test's frames and probe messages through the fault filter. */
    private void sendFaultable(int to, int type, ByteBuffer payload) {
        if (!filter.passOutbound(to)) {
            traffic.droppedTo(to);
            return;
        }
        traffic.sent(to);
        long delay = filter.delayNanos(to);
        if (delay == 0) {
            endpoint.send(to, type, payload);
            return;
        }
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        resources.delayer().schedule(() -> endpoint.send(to, type, ByteBuffer.wrap(copy)), delay, TimeUnit.NANOSECONDS);
    }

    @Override
    public void send(String toRole, byte[] frame) {
        send(toRole, ByteBuffer.wrap(frame));
    }

    @Override
    public void onReceive(FrameHandler handler) {
        this.handler = handler;
    }

    @Override
    public int maxFrameSize() {
        return config.maxFrameSize();
    }

    @Override
    public MultiNodeProbe probe(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A probe needs a non-empty name");
        }
        return mailbox(name);
    }

    @Override
    public ProbeRef probeRef(String role, String name) {
        participant(role);
        return new ProbeRef(role, name);
    }

    @Override
    public void tell(ProbeRef to, Object message) {
        int participant = participant(to.role());
        ByteBuffer buffer = buffers.acquire();
        Wire.putString(buffer, to.name());
        codec.encode(buffer, message);
        if (buffer.position() > config.maxFrameSize()) {
            throw new IllegalArgumentException("Probe message of " + buffer.position() + " bytes from " + config.role()
                    + " to " + to + " exceeds the limit of " + config.maxFrameSize() + " bytes (multinode.maxFrameSize)");
        }
        sendFaultable(participant, FrameType.PROBE, buffer.flip());
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public ScheduledExecutorService executor() {
        return resources.executor();
    }

    @Override
    public <T extends AutoCloseable> T closeOnStop(T resource) {
        return resources.register(resource);
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public Logger log() {
        return log;
    }
}
