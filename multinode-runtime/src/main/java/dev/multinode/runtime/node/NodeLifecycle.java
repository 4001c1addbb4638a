package dev.multinode.runtime.node;

import dev.multinode.Node;
import dev.multinode.NodeBody;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * A node's life on the thread that runs it: hello, wait for the start, the body, DONE, serve the
 * others until the conductor says stop, then release everything. A node removed by a fault skips
 * DONE and the wait: its receiver has released it already. Its threads and waits are the
 * scheduler's.
 */
final class NodeLifecycle {

    private static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Nothing wakes the wait for the receiver's end: a short park bounds how late it is noticed. */
    private static final long JOIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final NodeConfig config;
    private final NodeControl control;
    private final ConductorLink link;
    private final BarrierClient barriers;
    private final NodeReceiver receiver;
    private final NodeMessaging messaging;
    private final NodeResources resources;
    private final Scheduler scheduler;
    private final Logger log;

    NodeLifecycle(NodeConfig config, NodeControl control, ConductorLink link, BarrierClient barriers,
                  NodeReceiver receiver, NodeMessaging messaging, NodeResources resources, Scheduler scheduler,
                  Logger log) {
        this.config = config;
        this.control = control;
        this.link = link;
        this.barriers = barriers;
        this.receiver = receiver;
        this.messaging = messaging;
        this.resources = resources;
        this.scheduler = scheduler;
        this.log = log;
    }

    /**
     * @param body the body
     * @param node what the body is given
     * @return how the body ended
     */
    NodeOutcome live(NodeBody body, Node node) {
        MDC.put("role", config.role());
        control.bodyThread(Thread.currentThread());
        if (config.incarnation() > 0) {
            receiver.discardWaiting();
        }
        Thread receiverThread = scheduler.newThread(Thread.currentThread().getThreadGroup(), receiver,
                config.role() + "-receiver");
        receiverThread.start();
        DebugHeartbeat heartbeat = config.isDebugged() ? DebugHeartbeat.start(link, config.role() + "-heartbeat", log)
                : null;
        NodeOutcome outcome;
        try {
            link.sendHello();
            outcome = awaitStart() ? runBody(body, node) : NodeOutcome.cancelled(control.step(), null);
            if (control.isRemoved()) {
                outcome = NodeOutcome.removed(control.step());
            } else {
                link.sendDone(outcome);
                Thread.interrupted(); // an abort's interrupt must not cut the wait for stop short
                awaitStop();
            }
        } catch (RuntimeException | Error e) {
            outcome = NodeOutcome.failed(control.step(), e);
        } finally {
            if (heartbeat != null) {
                heartbeat.stop();
            }
            stop(receiverThread);
            MDC.remove("role");
        }
        return outcome;
    }

    private NodeOutcome runBody(NodeBody body, Node node) {
        Throwable thrown = null;
        try {
            body.run(node);
        } catch (Throwable t) {
            thrown = t;
        }
        if (barriers.isConductorVerdict(thrown)) {
            awaitAbortAfterBarrierFailure();
        }
        return OutcomeRules.judge(control.step(), thrown, control.backgroundFailure(), control.isAborted(),
                barriers::isConductorVerdict);
    }

    /**
     * The conductor aborts the run right after it fails a barrier, but the body may end with the
     * verdict before the ABORT arrives; waiting for it keeps the node from being reported as a
     * second failure instead of cancelled.
     */
    private void awaitAbortAfterBarrierFailure() {
        if (!parkUntil(() -> control.isAborted() || control.isStopped(), BarrierClient.CONDUCTOR_GRACE)) {
            log.warn("{} got no abort within {} ms of the conductor failing its barrier", config.role(),
                    BarrierClient.CONDUCTOR_GRACE.toMillis());
        }
    }

    private boolean awaitStart() {
        Duration timeout = config.startTimeout();
        parkUntil(() -> control.isStarted() || control.isAborted() || control.isStopped(), timeout);
        if (control.isStarted()) {
            return true;
        }
        if (control.isAborted() || control.isStopped()) {
            return false;
        }
        throw new IllegalStateException(config.role() + " got no start signal from the conductor within "
                + timeout.toMillis() + " ms");
    }

    /** A node killed after its body ended (a restart of a finished node) gets no stop: it is done too. */
    private void awaitStop() {
        if (!parkUntil(() -> control.isStopped() || control.isRemoved(), config.stopTimeout())) {
            log.warn("{} got no stop signal from the conductor within {} ms; stopping anyway",
                    config.role(), config.stopTimeout().toMillis());
        }
    }

    /**
     * Parks until the condition holds or the timeout passes. The control state unparks this
     * thread on every change; the bounded park only covers a wake-up lost to a race.
     *
     * @return whether the condition holds
     */
    private boolean parkUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = scheduler.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long now = scheduler.nanoTime();
            if (now - deadline >= 0) { // at the deadline too: a simulation's time stands still while this thread runs
                return false;
            }
            scheduler.parkUntil(Math.min(deadline, now + PARK_NANOS));
            Thread.interrupted(); // an abort's interrupt is seen through the control state instead
        }
        return true;
    }

    /**
     * The endpoint is released only once the receiver ended: a kill's interrupt of the body must not
     * cut the wait short while the receiver is still applying that kill and has yet to confirm it.
     * It parks instead of joining the thread: a join waits outside the scheduler, where a simulation
     * never gets control back.
     */
    private void stop(Thread receiverThread) {
        receiver.stop();
        boolean interrupted = Thread.interrupted();
        long deadline = scheduler.nanoTime() + JOIN_NANOS;
        while (receiverThread.isAlive()) {
            long now = scheduler.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            scheduler.parkUntil(Math.min(deadline, now + JOIN_PARK_NANOS));
            interrupted |= Thread.interrupted(); // kept for after the wait: it would end every park at once
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        resources.release();
        long unhandled = messaging.unhandledFrames();
        if (unhandled > 0) {
            log.info("{} dropped {} frames that arrived while no handler was set (Node.onReceive)", config.role(), unhandled);
        }
    }
}
