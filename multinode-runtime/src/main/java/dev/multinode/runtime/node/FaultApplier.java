package dev.multinode.runtime.node;

import dev.multinode.StopReason;
import dev.multinode.runtime.protocol.FaultApplyMessage;

/**
 * Applies this node's part of a fault, on the receiver thread, and confirms it to the conductor:
 * link faults change the {@link LinkFilter}; a kill isolates the node, then closes its resources
 * as killed (abruptly) before confirming, so that the victim's own sockets are closed when the kill
 * returns; a graceful shutdown first closes the node's resources (which may still talk to others),
 * then isolates it.
 * After either the node is removed, and its receiver stops. Clock faults change the node's
 * {@link AdjustableClock}.
 */
final class FaultApplier {

    private final LinkFilter filter;
    private final AdjustableClock clock;
    private final NodeControl control;
    private final NodeResources resources;
    private final ConductorLink link;
    private final PauseGate gate;
    private final NodeMessaging messaging;

    FaultApplier(LinkFilter filter, AdjustableClock clock, NodeControl control, NodeResources resources, ConductorLink link,
                 PauseGate gate, NodeMessaging messaging) {
        this.filter = filter;
        this.clock = clock;
        this.control = control;
        this.resources = resources;
        this.link = link;
        this.gate = gate;
        this.messaging = messaging;
    }

    void apply(FaultApplyMessage fault) {
        int peer = fault.peer();
        switch (fault.kind()) {
            case KILL -> {
                filter.isolate();
                control.remove(control.role() + " was killed by a fault");
                resources.closeOwned(StopReason.KILLED);
            }
            case SHUTDOWN -> {
                control.remove(control.role() + " was shut down by a fault");
                resources.closeOwned(StopReason.SHUT_DOWN);
                filter.isolate();
            }
            case BLACKHOLE -> filter.block(peer, fault.direction(), true);
            case PASS_THROUGH -> filter.block(peer, fault.direction(), false);
            case PEER_GONE -> filter.peerGone(peer);
            case PEER_BACK -> filter.peerBack(peer);
            case PAUSE -> gate.pause();
            case RESUME -> {
                gate.resume();
                messaging.deliverHeld();
            }
            case DELAY -> filter.delay(peer, fault.delayNanos());
            case DROP -> filter.drop(peer, fault.probability());
            case HEAL -> filter.heal();
            case SKEW_CLOCK -> clock.skew(fault.delayNanos());
            case DRIFT_CLOCK -> clock.drift(fault.probability());
            case PARTITION, RESTART -> throw new IllegalStateException(fault.kind().apiName()
                    + " is applied as other faults, never as such");
        }
        link.sendFaultApplied(fault.applyId());
    }
}
