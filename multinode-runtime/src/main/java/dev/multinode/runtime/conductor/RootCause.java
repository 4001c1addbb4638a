package dev.multinode.runtime.conductor;

/**
 * The first failure of a run, which aborts it.
 *
 * @param role    the node to blame, or null when no single node is
 * @param where   the step or barrier, in words
 * @param summary one line on what happened
 * @param error   the exception, or null
 * @param thrown  whether the node's body threw {@code error}; otherwise the harness diagnosed the
 *                failure (a barrier, a timeout, a death) and {@code summary} explains it
 */
public record RootCause(String role, String where, String summary, Throwable error, boolean thrown) {
}
