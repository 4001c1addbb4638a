package dev.multinode.runtime.conductor;

import java.util.HashSet;
import java.util.Set;

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
    /** 0 for the first start, one more per restart. */
    int incarnation;
    /** Paused by a fault and not resumed yet. */
    boolean paused;
    /**
     * Barriers the run passed without this node's current body, which it passes at once when it
     * enters them: every barrier passed before a restart, and those passed while it was paused.
     */
    final Set<String> catchUp = new HashSet<>();
    /** How to release one incarnation of this node without a frame, in thread launch, or null. */
    private LocalRelease localRelease;
    private int localReleaseIncarnation;

    NodeState(String role, int participant) {
        this.role = role;
        this.participant = participant;
    }

    /**
     * @param forIncarnation the incarnation the release reaches
     * @param release        how to release it from a barrier without a frame
     */
    void releaseLocally(int forIncarnation, LocalRelease release) {
        localRelease = release;
        localReleaseIncarnation = forIncarnation;
    }

    /** @return how to release the current incarnation without a frame, or null: send it RELEASE */
    LocalRelease localRelease() {
        return localReleaseIncarnation == incarnation ? localRelease : null;
    }

    /** @return whether the node is dead, removed, or being removed */
    boolean isGone() {
        return removing || phase == Phase.KILLED || phase == Phase.SHUT_DOWN || phase == Phase.DIED || phase == Phase.DOWN;
    }

    /** @return the role, with {@code #N} from its first restart on, as its log lines show it */
    String label() {
        return incarnation == 0 ? role : role + "#" + incarnation;
    }

    /** @return where the node is, in words, for failure messages */
    String whereabouts() {
        return paused ? "paused, " + activity() : activity();
    }

    private String activity() {
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
            case DOWN -> "down for a restart";
            case DIED -> detail;
        };
    }
}
