package dev.multinode.runtime.conductor;

import java.time.Duration;

/**
 * The run's time limits.
 *
 * @param start      how long the nodes may take to come up
 * @param run        how long the bodies may run, from the moment every node is up
 * @param abortGrace how long nodes may take to stop after an abort (a run timeout gives less: the
 *                   stuck nodes' stacks are already taken)
 */
public record ConductorTimeouts(Duration start, Duration run, Duration abortGrace) {
}
