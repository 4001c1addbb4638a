package dev.multinode.runtime.relay;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a hub carried, per peer: bytes delivered per flow and connections accepted. Only the relay
 * thread writes (a plain read and an ordered write, no atomic add on the hot path); any thread
 * reads.
 */
final class RelayCounters {

    private final AtomicLongArray bytes;
    private final AtomicLongArray connections;

    RelayCounters(int participants) {
        bytes = new AtomicLongArray(participants * 2);
        connections = new AtomicLongArray(participants);
    }

    void delivered(int peer, Flow flow, int count) {
        int index = index(peer, flow);
        bytes.setRelease(index, bytes.getPlain(index) + count);
    }

    void accepted(int peer) {
        connections.setRelease(peer, connections.getPlain(peer) + 1);
    }

    long bytes(int peer, Flow flow) {
        return bytes.get(index(peer, flow));
    }

    long connections(int peer) {
        return connections.get(peer);
    }

    private static int index(int peer, Flow flow) {
        return peer * 2 + flow.ordinal();
    }
}
