package dev.multinode.runtime.conductor;

/**
 * How one node ended, for the run's report.
 *
 * @param role       the node
 * @param ending     how it ended
 * @param note       what the conductor adds: how a process died, why a cancelled node was given up;
 *                   or null
 * @param where      its step when it ended
 * @param error      what it threw, or null
 * @param durationMs how long its body ran
 */
public record NodeReport(String role, NodeEnding ending, String note, String where, Throwable error, long durationMs) {

    /** @return the ending in words, with the note: "passed", "cancelled, did not stop within ...", a death's text */
    public String outcome() {
        if (note == null) {
            return ending.word();
        }
        return ending == NodeEnding.DIED ? note : ending.word() + ", " + note;
    }
}
