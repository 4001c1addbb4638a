package dev.multinode.runtime.node;

import dev.multinode.Direction;
import dev.multinode.FaultEvent;
import dev.multinode.StopReason;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import java.time.Duration;

/**
 * Applies this node's part of a fault, on the receiver thread, and confirms it to the conductor:
 * link faults change the {@link LinkFilter} and the relays' {@link RelayFaults} (a peer's mirrored
 * link faults only the latter), and are told to the body's {@link FaultListeners}; the confirmation
 * says whether the link carried the system's traffic here lately. A kill isolates the node, then closes its resources
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
    private final RelayFaults relayFaults;
    private final FaultListeners listeners;
    private final TrafficCounter traffic;
    private final Participants participants;

    FaultApplier(LinkFilter filter, AdjustableClock clock, NodeControl control, NodeResources resources, ConductorLink link,
                 PauseGate gate, NodeMessaging messaging, RelayFaults relayFaults, FaultListeners listeners,
                 TrafficCounter traffic, Participants participants) {
        this.relayFaults = relayFaults;
        this.listeners = listeners;
        this.traffic = traffic;
        this.participants = participants;
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
        FaultKind kind = fault.kind();
        // read before the fault changes anything: the traffic it could have touched
        boolean touched = !listeners.isEmpty() || traffic.touched(peer);
        relayFaults.apply(kind, peer, fault.direction(), fault.delayNanos());
        switch (kind) {
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
            case BANDWIDTH, DISCONNECT, PEER_BLACKHOLE, PEER_PASS_THROUGH, PEER_DELAY, PEER_BANDWIDTH, PEER_DISCONNECT -> {
                // the relays' alone
            }
            case PARTITION, RESTART -> throw new IllegalStateException(fault.kind().apiName()
                    + " is applied as other faults, never as such");
        }
        FaultEvent event = eventOf(fault);
        if (event != null) {
            listeners.tell(event);
        }
        link.sendFaultApplied(fault.applyId(), touched);
    }

    /** @return the listeners' view of this node's own link fault, or null for any other application */
    private FaultEvent eventOf(FaultApplyMessage fault) {
        String self = participants.self();
        String peer = fault.kind() == FaultKind.HEAL ? null : participants.roleOf(fault.peer());
        long nanos = fault.delayNanos();
        double probability = fault.probability();
        return switch (fault.kind()) {
            case BLACKHOLE, PASS_THROUGH -> new FaultEvent(FaultEvent.Kind.BLACKHOLE, self, peer, fault.direction(),
                    fault.kind() == FaultKind.BLACKHOLE, Duration.ZERO, 0, 0);
            case DELAY -> new FaultEvent(FaultEvent.Kind.DELAY, self, peer, Direction.SEND, nanos > 0, Duration.ofNanos(nanos), 0, 0);
            case DROP -> new FaultEvent(FaultEvent.Kind.DROP, self, peer, Direction.SEND, probability > 0, Duration.ZERO,
                    probability, 0);
            case BANDWIDTH -> new FaultEvent(FaultEvent.Kind.BANDWIDTH, self, peer, Direction.SEND, true, Duration.ZERO, 0, nanos);
            case DISCONNECT -> new FaultEvent(FaultEvent.Kind.DISCONNECT, self, peer, Direction.SEND, true, Duration.ZERO, 0, 0);
            case HEAL -> new FaultEvent(FaultEvent.Kind.HEAL, self, null, Direction.BOTH, false, Duration.ZERO, 0, 0);
            default -> null;
        };
    }
}
