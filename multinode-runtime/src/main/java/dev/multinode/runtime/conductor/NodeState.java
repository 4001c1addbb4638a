package dev.multinode.runtime.conductor;

/** The conductor's record of one node. */
final class NodeState {

    final String role;
    final int participant;
    Phase phase = Phase.STARTING;
    String barrier;
    String lastPassedBarrier;
    String step = "before the first barrier";
    Throwable error;
    String detail;
    long startedNanos;
    long doneNanos;
    /** A kill or shutdown of this node is under way: its death is expected. */
    boolean removing;

    NodeState(String role, int participant) {
        this.role = role;
        this.participant = participant;
    }

    /** @return whether the node is dead, removed, or being removed */
    boolean isGone() {
        return removing || phase == Phase.KILLED || phase == Phase.SHUT_DOWN || phase == Phase.DIED;
    }

    /** @return where the node is, in words, for failure messages */
    String whereabouts() {
        return switch (phase) {
            case STARTING -> "not started yet";
            case RUNNING -> "running its body " + (lastPassedBarrier == null ? "before the first barrier"
                    : "after barrier '" + lastPassedBarrier + "'");
            case AT_BARRIER -> "waiting at barrier '" + barrier + "'";
            case PASSED -> "finished its body";
            case FAILED -> "failed " + step;
            case CANCELLED -> "cancelled " + step;
            case KILLED -> "killed";
            case SHUT_DOWN -> "shut down";
            case DIED -> detail;
        };
    }
}
