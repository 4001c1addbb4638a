/**
 * The conductor, participant 0: the one place where a run's rules live (starting the nodes
 * together, barriers, outcomes, fault coordination, timeouts, the abort at the first failure) and
 * its record of what happened. Its state lives on its own thread, so it needs no locks. It decides
 * and others act: it starts no node, and a kill it orders is carried out by the launcher's killer
 * or by the victim itself.
 */
package dev.multinode.runtime.conductor;
