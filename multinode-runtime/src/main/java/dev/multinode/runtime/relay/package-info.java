/**
 * TCP relays between nodes, so that faults reach the system under test's own sockets: a
 * {@link dev.multinode.runtime.relay.RelayHub} per node carries every connection its system opens to
 * a peer, or a peer opens to it, on one selector thread of its own, and holds, delays, paces and
 * resets them on request. It knows nothing of the conductor or the fault protocol.
 */
package dev.multinode.runtime.relay;
