/**
 * One node of a run: the {@link dev.multinode.Node} a body sees, its receiver thread, barriers and
 * faults as a client of the conductor, probes, the fault filter beneath its endpoint, and what it
 * must release when it stops. It behaves the same in every launch mode; it obeys the conductor and
 * decides nothing about the run as a whole.
 */
package dev.multinode.runtime.node;
