package dev.multinode.runtime.node;

import dev.multinode.FrameHandler;
import dev.multinode.MultiNodeProbe;
import dev.multinode.ProbeRef;
import dev.multinode.runtime.codec.MalformedMessageException;
import dev.multinode.runtime.codec.MessageCodec;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * The system under test's traffic, beneath the fault filter: frames ({@code send}, delivered to
 * the handler) and probe messages ({@code tell}, delivered to mailboxes). Outbound, the filter may
 * block, drop or delay a frame; inbound, it may block it. Every frame is counted for the timeline.
 * An undelayed send allocates nothing.
 */
final class NodeMessaging {

    private final Participants participants;
    private final int maxFrameSize;
    private final Endpoint endpoint;
    private final LinkFilter filter;
    private final TrafficCounter traffic;
    private final SendBuffers buffers;
    private final MessageCodec codec;
    private final NodeResources resources;
    private final NodeControl control;
    private final Scheduler scheduler;
    private final Logger log;
    private final ConcurrentHashMap<String, ProbeMailbox> probes = new ConcurrentHashMap<>();
    private final AtomicLong unhandledFrames = new AtomicLong();
    private final PauseGate gate;
    /** Frames that arrived while the node was paused, in order, for after the resume; touched by the receiver thread only. */
    private final ArrayDeque<HeldFrame> held = new ArrayDeque<>();
    private volatile FrameHandler handler;

    NodeMessaging(Participants participants, int maxFrameSize, Endpoint endpoint, LinkFilter filter,
                  TrafficCounter traffic, SendBuffers buffers, MessageCodec codec, NodeResources resources,
                  NodeControl control, PauseGate gate, Scheduler scheduler, Logger log) {
        this.gate = gate;
        this.participants = participants;
        this.maxFrameSize = maxFrameSize;
        this.endpoint = endpoint;
        this.filter = filter;
        this.traffic = traffic;
        this.buffers = buffers;
        this.codec = codec;
        this.resources = resources;
        this.control = control;
        this.scheduler = scheduler;
        this.log = log;
    }

    int maxFrameSize() {
        return maxFrameSize;
    }

    void send(String toRole, ByteBuffer frame) {
        int to = participants.indexOf(toRole);
        if (frame.remaining() > maxFrameSize) {
            throw new IllegalArgumentException("Frame of " + frame.remaining() + " bytes from " + participants.self()
                    + " to " + toRole + " exceeds the limit of " + maxFrameSize + " bytes (multinode.maxFrameSize)");
        }
        sendFaultable(to, FrameType.USER, frame);
    }

    void onReceive(FrameHandler frameHandler) {
        this.handler = frameHandler;
    }

    MultiNodeProbe probe(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A probe needs a non-empty name");
        }
        return mailbox(name);
    }

    ProbeRef probeRef(String role, String name) {
        participants.indexOf(role);
        return new ProbeRef(role, name);
    }

    void tell(ProbeRef to, Object message) {
        int participant = participants.indexOf(to.role());
        ByteBuffer buffer = buffers.acquire();
        try {
            Wire.putString(buffer, to.name());
            codec.encode(buffer, message);
        } catch (BufferOverflowException beyondTheTransportsFrame) {
            throw probeMessageTooLarge(Wire.STRING_HEADER + to.name().getBytes(StandardCharsets.UTF_8).length
                    + codec.encodedSize(message), to);
        }
        if (buffer.position() > maxFrameSize) {
            throw probeMessageTooLarge(buffer.position(), to);
        }
        sendFaultable(participant, FrameType.PROBE, buffer.flip());
    }

    private IllegalArgumentException probeMessageTooLarge(long size, ProbeRef to) {
        return new IllegalArgumentException("Probe message of " + size + " bytes from " + participants.self() + " to "
                + to + " exceeds the limit of " + maxFrameSize + " bytes (multinode.maxFrameSize)");
    }

    /** A delayed frame is copied and sent later by the node's single delay thread, so order is kept. */
    private void sendFaultable(int to, int type, ByteBuffer payload) {
        gate.pass(); // a paused node sends nothing: the sender waits for the resume
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

    /** On the receiver thread: a frame of the system under test, for the handler. */
    void deliverFrame(int from, ByteBuffer payload) {
        if (gate.isPaused()) {
            held.add(HeldFrame.of(from, FrameType.USER, payload));
            return;
        }
        if (!filter.passInbound(from)) {
            traffic.droppedFrom(from);
            return;
        }
        traffic.received(from);
        FrameHandler current = handler;
        if (current == null) {
            unhandledFrames.incrementAndGet();
            return;
        }
        try {
            current.onFrame(participants.roleOf(from), payload);
        } catch (RuntimeException | Error e) {
            control.failInBackground(new IllegalStateException("The frame handler of " + participants.self()
                    + " threw on a frame from " + participants.roleOf(from), e));
        }
    }

    /** On the receiver thread: a probe message, copied to the heap, for its mailbox. */
    void deliverProbeMessage(int from, ByteBuffer copy) {
        if (gate.isPaused()) {
            held.add(HeldFrame.of(from, FrameType.PROBE, copy));
            return;
        }
        if (!filter.passInbound(from)) {
            traffic.droppedFrom(from);
            return;
        }
        traffic.received(from);
        String probeName;
        Object message;
        try {
            probeName = Wire.getString(copy);
            message = codec.decode(copy);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            log.warn("{} dropped a malformed probe message: {}", participants.self(), e.getMessage());
            return;
        }
        mailbox(probeName).deliver(message);
    }

    /** On the receiver thread, after a resume: the frames that waited, in the order they arrived. */
    void deliverHeld() {
        HeldFrame frame;
        while (!gate.isPaused() && (frame = held.poll()) != null) {
            ByteBuffer payload = ByteBuffer.wrap(frame.payload());
            if (frame.type() == FrameType.USER) {
                deliverFrame(frame.from(), payload);
            } else {
                deliverProbeMessage(frame.from(), payload);
            }
        }
    }

    /** @return how many frames arrived while no handler was set */
    long unhandledFrames() {
        return unhandledFrames.get();
    }

    /** Looks up before creating, so that a delivery to an existing probe allocates no lambda. */
    private ProbeMailbox mailbox(String name) {
        ProbeMailbox existing = probes.get(name);
        return existing != null ? existing : probes.computeIfAbsent(name,
                n -> new ProbeMailbox(new ProbeRef(participants.self(), n), control, scheduler));
    }
}
