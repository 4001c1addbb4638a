package dev.multinode.runtime.relay;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a hub carried, per peer: bytes delivered per flow and connections accepted, by the flow their
 * opener's bytes take ({@link Flow#OUT}: this node's system opened it, through a link relay;
 * {@link Flow#IN}: the peer's, through a shared relay). Only the relay
 * thread writes (a plain read and an ordered write, no atomic add on the hot path); any thread
 * reads.
 */
final class RelayCounters {

    private final AtomicLongArray bytes;
    private final AtomicLongArray connections;

    RelayCounters(int participants) {
        bytes = new AtomicLongArray(participants * 2);
        connections = new AtomicLongArray(participants * 2);
    }

    void delivered(int peer, Flow flow, int count) {
        int index = index(peer, flow);
        bytes.setRelease(index, bytes.getPlain(index) + count);
    }

    void accepted(int peer, Flow opener) {
        int index = index(peer, opener);
        connections.setRelease(index, connections.getPlain(index) + 1);
    }

    long bytes(int peer, Flow flow) {
        return bytes.get(index(peer, flow));
    }

    long connections(int peer, Flow opener) {
        return connections.get(index(peer, opener));
    }

    private static int index(int peer, Flow flow) {
        return peer * 2 + flow.ordinal();
    }
}
