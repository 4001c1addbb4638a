package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.AbortMessage;
import dev.multinode.runtime.protocol.BarrierFailedMessage;
import dev.multinode.runtime.protocol.ExchangeResultMessage;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultDoneMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupAnswerMessage;
import dev.multinode.runtime.protocol.ReleaseMessage;
import dev.multinode.runtime.protocol.Wire;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The node's receiver thread: polls the endpoint and hands each frame to the part that owns it:
 * the system under test's frames and probe messages to the messaging, barrier verdicts to the
 * barrier client, fault commands to the fault applier, fault answers to the faults client, the
 * shared directory's answers to the directory client, and
 * lifecycle signals to the control state. It sleeps until a frame arrives when idle
 * ({@link IdleStrategies#receiver}), and releases a node
 * removed by a fault at once, whatever its body is doing.
 */
final class NodeReceiver implements FrameReceiver, Runnable {

    private static final int POLL_LIMIT = 64;

    private final Endpoint endpoint;
    private final NodeControl control;
    private final ConductorLink link;
    private final NodeMessaging messaging;
    private final BarrierClient barriers;
    private final FaultApplier faultApplier;
    private final FaultsClient faults;
    private final DirectoryClient directory;
    private final NodeResources resources;
    private final Logger log;
    private final ByteBuffer scratch;
    private final FrameWait idle;
    private final ReleaseMessage release = new ReleaseMessage();
    private final BarrierFailedMessage barrierFailed = new BarrierFailedMessage();
    private final AbortMessage abort = new AbortMessage();
    private final FaultApplyMessage faultApply = new FaultApplyMessage();
    private final FaultDoneMessage faultDone = new FaultDoneMessage();
    private final LookupAnswerMessage lookupAnswer = new LookupAnswerMessage();
    private final ExchangeResultMessage exchangeResult = new ExchangeResultMessage();
    private volatile boolean running = true;

    NodeReceiver(Endpoint endpoint, int transportFrameSize, NodeControl control, ConductorLink link,
                 NodeMessaging messaging, BarrierClient barriers, FaultApplier faultApplier, FaultsClient faults,
                 DirectoryClient directory, NodeResources resources, FrameWait idle, Logger log) {
        this.endpoint = endpoint;
        this.idle = idle;
        this.scratch = ByteBuffer.allocate(transportFrameSize);
        this.control = control;
        this.link = link;
        this.messaging = messaging;
        this.barriers = barriers;
        this.faultApplier = faultApplier;
        this.faults = faults;
        this.directory = directory;
        this.resources = resources;
        this.log = log;
    }

    @Override
    public void run() {
        MDC.put("role", control.role());
        try {
            while (running) {
                idle.idle(endpoint.poll(this, POLL_LIMIT));
            }
            if (control.isRemoved()) {
                resources.release();
            }
        } catch (RuntimeException | Error e) {
            control.failInBackground(new IllegalStateException("The receiver of " + control.role() + " failed", e));
        }
    }

    /**
     * Before a restarted node says hello, on its own thread: everything waiting in the endpoint was
     * addressed to an earlier incarnation (the others stopped sending to it when it went down, and
     * the conductor sends to the new one only after its hello), so it is discarded, and counted.
     */
    void discardWaiting() {
        long discarded = 0;
        int polled;
        while ((polled = endpoint.poll((from, type, payload) -> { }, POLL_LIMIT)) > 0) {
            discarded += polled;
        }
        if (discarded > 0) {
            log.info("{} discarded {} frames addressed to its earlier incarnation", control.role(), discarded);
        }
    }

    /** Ends the loop after the current batch, waking the receiver if it sleeps. */
    void stop() {
        running = false;
        idle.wake();
    }

    @Override
    public void onFrame(int from, int type, ByteBuffer payload) {
        switch (type) {
            case FrameType.USER -> messaging.deliverFrame(from, payload);
            case FrameType.PROBE -> messaging.deliverProbeMessage(from, Wire.copy(payload, scratch));
            case FrameType.FAULT_APPLY -> {
                faultApplier.apply(faultApply.wrap(payload));
                if (control.isRemoved()) {
                    running = false;
                }
            }
            case FrameType.FAULT_DONE -> {
                FaultDoneMessage answer = faultDone.wrap(Wire.copy(payload, scratch));
                faults.answered(answer.requestId(), answer.refusal(), answer.notice());
            }
            case FrameType.LOOKUP_ANSWER -> directory.answered(lookupAnswer.wrap(Wire.copy(payload, scratch)));
            case FrameType.EXCHANGE_RESULT -> directory.gathered(exchangeResult.wrap(Wire.copy(payload, scratch)));
            case FrameType.START -> control.markStarted();
            case FrameType.RELEASE -> barriers.released(release.wrap(Wire.copy(payload, scratch)).barrier());
            case FrameType.BARRIER_FAILED -> barriers.failed(barrierFailed.wrap(Wire.copy(payload, scratch)).reason());
            case FrameType.ABORT -> {
                control.abort(abort.wrap(Wire.copy(payload, scratch)).reason());
                barriers.wake();
            }
            case FrameType.STOP -> {
                control.markStopped();
                running = false;
            }
            case FrameType.DUMP_REQUEST -> link.sendDump(control.bodyStack());
            default -> log.warn("{} ignored a frame of unknown type {} from participant {}", control.role(), type, from);
        }
    }
}
