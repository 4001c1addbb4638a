package dev.multinode.runtime.node;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.DumpMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.ExchangeMessage;
import dev.multinode.runtime.protocol.FaultAppliedMessage;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.protocol.FaultRequestMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupMessage;
import dev.multinode.runtime.protocol.PublishMessage;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.runtime.protocol.TrafficReport;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.TransportContext;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Collection;

/**
 * The control frames a node sends to the conductor. They never pass the fault filter, so a
 * partitioned node still enters barriers and reports. ENTER and DONE carry the node's traffic
 * since the previous one.
 */
final class ConductorLink {

    private final Endpoint endpoint;
    private final SendBuffers buffers;
    private final TrafficCounter traffic;

    ConductorLink(Endpoint endpoint, SendBuffers buffers, TrafficCounter traffic) {
        this.endpoint = endpoint;
        this.buffers = buffers;
        this.traffic = traffic;
    }

    void sendHello() {
        send(FrameType.HELLO, Signal.write(buffers.acquire()));
    }

    void sendHeartbeat() {
        send(FrameType.HEARTBEAT, Signal.write(buffers.acquire()));
    }

    void sendEnter(String barrier, long timeoutMillis) {
        traffic.endPhase();
        send(EnterMessage.TYPE, EnterMessage.write(buffers.acquire(), barrier, timeoutMillis, traffic));
    }

    /**
     * Reports how the body ended. An error whose text does not fit the frame is sent as its one-line
     * {@code toString()} instead; the traffic is drained once, before either attempt, so that the
     * retry reports the same counts.
     */
    void sendDone(NodeOutcome outcome) {
        traffic.endPhase();
        TrafficReport.Counts drained = traffic.drain();
        ByteBuffer done;
        try {
            done = DoneMessage.write(buffers.acquire(), outcome.status().wire(), outcome.step(), outcome.error(), drained);
        } catch (BufferOverflowException tooLong) {
            done = DoneMessage.write(buffers.acquire(), outcome.status().wire(), outcome.step(),
                    new RuntimeException(String.valueOf(outcome.error())), drained);
        }
        send(DoneMessage.TYPE, done);
    }

    void sendDump(String stack) {
        send(DumpMessage.TYPE, DumpMessage.write(buffers.acquire(), stack));
    }

    void sendFaultApplied(long applyId, boolean touched) {
        send(FaultAppliedMessage.TYPE, FaultAppliedMessage.write(buffers.acquire(), applyId, touched));
    }

    void sendFaultRequest(long requestId, FaultKind kind, Direction direction, long delayNanos, double probability,
                          Collection<String> side1, Collection<String> side2) {
        send(FaultRequestMessage.TYPE, FaultRequestMessage.write(buffers.acquire(), requestId, kind, direction,
                delayNanos, probability, side1, side2));
    }

    void sendPublish(String key, String value) {
        send(PublishMessage.TYPE, PublishMessage.write(buffers.acquire(), key, value));
    }

    void sendLookup(long requestId, long timeoutMillis, String role, String key) {
        send(LookupMessage.TYPE, LookupMessage.write(buffers.acquire(), requestId, timeoutMillis, role, key));
    }

    void sendExchange(long timeoutMillis, String key, String value) {
        send(ExchangeMessage.TYPE, ExchangeMessage.write(buffers.acquire(), timeoutMillis, key, value));
    }

    private void send(int type, ByteBuffer payload) {
        endpoint.send(TransportContext.CONDUCTOR, type, payload);
    }
}
