package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.BarrierFailedMessage;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.ReleaseMessage;
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
    private final ReleaseMessage release = new ReleaseMessage();
    private final BarrierFailedMessage barrierFailed = new BarrierFailedMessage();
    private final AbortMessage abort = new AbortMessage();
    private final FaultApplyMessage faultApply = new FaultApplyMessage();
    private final FaultDoneMessage faultDone = new FaultDoneMessage();
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
            case FrameType.FAULT_APPLY -> node.applyFault(faultApply.wrap(payload));
            case FrameType.FAULT_DONE -> node.faultAnswered(faultDone.wrap(Wire.copy(payload, scratch)));
            case FrameType.START -> {
                control.markStarted();
                barriers.wake();
                node.wakeBody();
            }
            case FrameType.RELEASE -> barriers.released(release.wrap(Wire.copy(payload, scratch)).barrier());
            case FrameType.BARRIER_FAILED -> barriers.failed(barrierFailed.wrap(Wire.copy(payload, scratch)).reason());
            case FrameType.ABORT -> {
                control.abort(abort.wrap(Wire.copy(payload, scratch)).reason());
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
