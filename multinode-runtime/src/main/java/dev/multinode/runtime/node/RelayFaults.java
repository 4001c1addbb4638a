package dev.multinode.runtime.node;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.FaultKind;
import dev.multinode.runtime.relay.Flow;
import dev.multinode.runtime.relay.RelayHub;
import java.util.Arrays;

/**
 * What the link faults in force mean for this node's relays. One relayed connection carries bytes
 * both ways through the relay of one end, so a flow is held when either end blocks it: this node's
 * own blackholes (the frames' filter's state) and its peers' blackholes towards it (the mirrored
 * {@code PEER_*} applications). Delays and bandwidth limits belong to the sending end: this node's
 * own apply to what it sends, a peer's to what it receives from that peer. Changes come from the
 * receiver thread; a hub started later gets the state in force ({@link #replayTo}). Each change the
 * hub is told of is a round trip to its thread, so only what changed is told: a partition's mirror
 * of a blackhole already in force costs nothing.
 */
final class RelayFaults {

    private final boolean[] ownOut;
    private final boolean[] ownIn;
    private final boolean[] peerOut;
    private final boolean[] peerIn;
    private final long[] delayOut;
    private final long[] delayIn;
    private final long[] bandwidthOut;
    private final long[] bandwidthIn;
    /** What the hub was last told, per peer: holds out and in, delays out and in, limits out and in. */
    private final long[][] told;
    private RelayHub hub;

    RelayFaults(int participants) {
        ownOut = new boolean[participants];
        ownIn = new boolean[participants];
        peerOut = new boolean[participants];
        peerIn = new boolean[participants];
        delayOut = new long[participants];
        delayIn = new long[participants];
        bandwidthOut = new long[participants];
        bandwidthIn = new long[participants];
        told = new long[participants][6];
    }

    /**
     * Applies a link fault's part that concerns relays; other kinds are ignored.
     *
     * @return whether the kind concerns relays
     */
    synchronized boolean apply(FaultKind kind, int peer, Direction direction, long nanos) {
        switch (kind) {
            case BLACKHOLE, PASS_THROUGH -> block(ownOut, ownIn, peer, direction, kind == FaultKind.BLACKHOLE);
            // the direction is the peer's: its SEND is this node's inbound flow
            case PEER_BLACKHOLE, PEER_PASS_THROUGH -> block(peerOut, peerIn, peer, direction, kind == FaultKind.PEER_BLACKHOLE);
            case DELAY -> delayOut[peer] = nanos;
            case PEER_DELAY -> delayIn[peer] = nanos;
            case BANDWIDTH -> bandwidthOut[peer] = nanos;
            case PEER_BANDWIDTH -> bandwidthIn[peer] = nanos;
            case DISCONNECT -> {
                if (hub != null) {
                    hub.disconnectOutgoing(peer);
                }
                return true;
            }
            case PEER_DISCONNECT -> {
                if (hub != null) {
                    hub.disconnectIncoming(peer);
                }
                return true;
            }
            case HEAL -> {
                heal();
                return true;
            }
            default -> {
                return false;
            }
        }
        if (hub != null) {
            push(hub, peer);
        }
        return true;
    }

    /** A hub that starts now must start with the faults in force; it starts with none. */
    synchronized void replayTo(RelayHub started) {
        hub = started;
        for (long[] peer : told) {
            Arrays.fill(peer, 0);
        }
        for (int peer = 0; peer < ownOut.length; peer++) {
            push(started, peer);
        }
    }

    /** The hub closed: nothing to push to any more. */
    synchronized void detach() {
        hub = null;
    }

    private void heal() {
        for (int peer = 0; peer < ownOut.length; peer++) {
            ownOut[peer] = ownIn[peer] = peerOut[peer] = peerIn[peer] = false;
            delayOut[peer] = delayIn[peer] = bandwidthOut[peer] = bandwidthIn[peer] = 0;
        }
        for (long[] peer : told) {
            Arrays.fill(peer, 0);
        }
        if (hub != null) {
            hub.heal();
        }
    }

    private void push(RelayHub target, int peer) {
        long[] last = told[peer];
        long holdOut = ownOut[peer] || peerIn[peer] ? 1 : 0;
        long holdIn = ownIn[peer] || peerOut[peer] ? 1 : 0;
        if (last[0] != holdOut) {
            target.hold(peer, Flow.OUT, holdOut == 1);
        }
        if (last[1] != holdIn) {
            target.hold(peer, Flow.IN, holdIn == 1);
        }
        if (last[2] != delayOut[peer]) {
            target.delay(peer, Flow.OUT, delayOut[peer]);
        }
        if (last[3] != delayIn[peer]) {
            target.delay(peer, Flow.IN, delayIn[peer]);
        }
        if (last[4] != bandwidthOut[peer]) {
            target.bandwidth(peer, Flow.OUT, bandwidthOut[peer]);
        }
        if (last[5] != bandwidthIn[peer]) {
            target.bandwidth(peer, Flow.IN, bandwidthIn[peer]);
        }
        last[0] = holdOut;
        last[1] = holdIn;
        last[2] = delayOut[peer];
        last[3] = delayIn[peer];
        last[4] = bandwidthOut[peer];
        last[5] = bandwidthIn[peer];
    }

    /** {@code out} is the sending side's blocked flow, {@code in} its receiving side's. */
    private static void block(boolean[] out, boolean[] in, int peer, Direction direction, boolean block) {
        if (direction != Direction.RECEIVE) {
            out[peer] = block;
        }
        if (direction != Direction.SEND) {
            in[peer] = block;
        }
    }
}
