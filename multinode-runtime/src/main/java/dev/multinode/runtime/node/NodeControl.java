package dev.multinode.runtime.node;

import dev.multinode.RunAbortedException;
import dev.multinode.runtime.protocol.DoneMessage;
import dev.multinode.runtime.protocol.DumpMessage;
import dev.multinode.runtime.protocol.EnterMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Outcome;
import dev.multinode.runtime.protocol.Signal;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.TransportContext;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A node's control state and its control frames to the conductor: where the body is (its step),
 * whether the run was aborted, and the lifecycle signals (hello, start, done, stop).
 */
final class NodeControl {

    /** Status byte of a DONE frame. */
    static final byte PASSED = 0;
    /** Status byte of a DONE frame. */
    static final byte FAILED = 1;
    /** Status byte of a DONE frame. */
    static final byte CANCELLED = 2;
    /** Outcome of a node removed by a fault; never sent. */
    static final byte REMOVED = 3;

    private final String role;
    private final Endpoint endpoint;
    private final SendBuffers buffers;
    private final TrafficCounter traffic;

    private volatile String step = "before the first barrier";
    private volatile String abortReason;
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile Thread bodyThread;
    private volatile boolean removed;

    NodeControl(String role, Endpoint endpoint, SendBuffers buffers, TrafficCounter traffic) {
        this.role = role;
        this.endpoint = endpoint;
        this.buffers = buffers;
        this.traffic = traffic;
    }

    String role() {
        return role;
    }

    String step() {
        return step;
    }

    void stepIntoBarrier(String name) {
        step = "at barrier '" + name + "'";
    }

    void stepPastBarrier(String name) {
        step = "after barrier '" + name + "'";
    }

    void bodyThread(Thread thread) {
        bodyThread = thread;
    }

    Thread bodyThread() {
        return bodyThread;
    }

    boolean isAborted() {
        return abortReason != null;
    }

    String abortReason(String where) {
        return "Run aborted " + where + " on " + role + ": " + abortReason;
    }

    void checkNotAborted() {
        if (abortReason != null) {
            throw new RunAbortedException(abortReason("on " + step));
        }
    }

    /** Marks the run aborted and interrupts the body, so that every wait it is in ends at once. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
            Thread body = bodyThread;
            if (body != null) {
                body.interrupt();
            }
        }
    }

    /** The node was killed or shut down by a fault: its body stops and it reports nothing more. */
    void remove(String reason) {
        removed = true;
        abort(reason);
    }

    boolean isRemoved() {
        return removed;
    }

    boolean isStarted() {
        return started;
    }

    void markStarted() {
        started = true;
    }

    boolean isStopped() {
        return stopped;
    }

    void markStopped() {
        stopped = true;
    }

    void sendHello() {
        sendToConductor(FrameType.HELLO, Signal.write(buffers.acquire()));
    }

    void sendEnter(String barrier, Duration timeout) {
        sendToConductor(EnterMessage.TYPE, EnterMessage.write(buffers.acquire(), barrier, timeout.toMillis(), traffic));
    }

    void sendDone(byte status, Throwable error) {
        Outcome outcome = Outcome.of(status);
        ByteBuffer done;
        try {
            done = DoneMessage.write(buffers.acquire(), outcome, step, error, traffic);
        } catch (BufferOverflowException tooLong) {
            done = DoneMessage.write(buffers.acquire(), outcome, step, new RuntimeException(String.valueOf(error)), traffic);
        }
        sendToConductor(DoneMessage.TYPE, done);
    }

    void sendDump(String stack) {
        sendToConductor(DumpMessage.TYPE, DumpMessage.write(buffers.acquire(), stack));
    }

    void sendToConductor(int type, ByteBuffer payload) {
        endpoint.send(TransportContext.CONDUCTOR, type, payload);
    }
}
