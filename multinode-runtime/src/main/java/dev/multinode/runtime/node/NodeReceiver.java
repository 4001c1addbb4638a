package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.MDC;

/**
 * The node's receiver thread: polls the endpoint and hands each frame to its consumer: control
 * frames to the node's control state, the system under test's frames to its handler, probe messages
 * to their mailboxes. It backs off to parking when idle.
 */
final class NodeReceiver implements FrameReceiver, Runnable {

    private static final int POLL_LIMIT = 64;

    private final NodeRuntime node;
    private final NodeControl control;
    private final BarrierClient barriers;
    private final Endpoint endpoint;
    private final ByteBuffer scratch;
    private final IdleStrategy idle = IdleStrategies.receiver();
    private volatile boolean running = true;

    NodeReceiver(NodeRuntime node, NodeControl control, BarrierClient barriers, Endpoint endpoint, int maxFrame) {
        this.node = node;
        this.control = control;
        this.barriers = barriers;
        this.endpoint = endpoint;
        this.scratch = ByteBuffer.allocate(maxFrame);
    }

    @Override
    public void run() {
        MDC.put("role", control.role());
        try {
            while (running) {
                idle.idle(endpoint.poll(this, POLL_LIMIT));
            }
            if (control.isRemoved()) {
                node.releaseAfterRemoval();
            }
        } catch (RuntimeException | Error e) {
            node.failInBackground(new IllegalStateException("The receiver of " + control.role() + " failed", e));
        }
    }

    /** Ends the loop after the current batch. */
    void stop() {
        running = false;
    }

    @Override
    public void onFrame(int from, int type, ByteBuffer payload) {
        switch (type) {
            case FrameType.USER -> node.deliverUserFrame(from, payload);
            case FrameType.PROBE -> node.deliverProbeMessage(from, Wire.copy(payload, scratch));
            case FrameType.FAULT_APPLY -> node.applyFault(Wire.copy(payload, scratch));
            case FrameType.FAULT_DONE -> node.faultAnswered(Wire.copy(payload, scratch));
            case FrameType.START -> {
                control.markStarted();
                barriers.wake();
                node.wakeBody();
            }
            case FrameType.RELEASE -> barriers.released(Wire.getString(Wire.copy(payload, scratch)));
            case FrameType.BARRIER_FAILED -> {
                ByteBuffer copy = Wire.copy(payload, scratch);
                Wire.getString(copy);
                barriers.failed(Wire.getString(copy));
            }
            case FrameType.ABORT -> {
                control.abort(Wire.getString(Wire.copy(payload, scratch)));
                barriers.wake();
            }
            case FrameType.STOP -> {
                control.markStopped();
                running = false;
                node.wakeBody();
            }
            case FrameType.DUMP_REQUEST -> control.sendDump(node.bodyStack());
            default -> node.onOtherFrame(from, type, payload);
        }
    }
}
