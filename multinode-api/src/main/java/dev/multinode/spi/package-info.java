/**
 * The service provider interface: what a runtime and a transport implement. A transport moves
 * opaque frames between participants (the conductor, index 0, and the nodes, 1..N) and never sees
 * barriers or faults; see {@link dev.multinode.spi.TransportProvider}.
 */
package dev.multinode.spi;
