package dev.multinode.runtime.conductor;

/**
 * How one node ended, for the run's report.
 *
 * @param role       the node
 * @param outcome    passed, failed, cancelled, killed, shut down, died, or did not stop
 * @param where      its step when it ended
 * @param error      what it threw, or null
 * @param durationMs how long its body ran
 */
public record NodeReport(String role, String outcome, String where, Throwable error, long durationMs) {
}
