/**
 * A singleton hand-over with an ordering bug planted on purpose, and the proof that the simulation
 * finds what real runs miss.
 */
package dev.multinode.examples.handover;
