/**
 * The {@code sim} transport: a seeded scheduler that runs one thread of the run at a time in
 * virtual time ({@link dev.multinode.transport.sim.SimTransportProvider}), a simulated network between the
 * participants, and an executor in that time.
 */
package dev.multinode.transport.sim;
