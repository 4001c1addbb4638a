package dev.multinode.runtime.conductor;

import dev.multinode.BarrierFailedException;
import java.util.List;

/**
 * Why a barrier cannot complete. Each kind words its reason; {@link #message} adds who arrived and
 * where each missing node is, and is what the root cause and the waiting nodes' exception say.
 */
sealed interface BarrierFailure {

    /** @return the barrier's name */
    String barrier();

    /** @return the roles that arrived, in role order */
    List<String> arrived();

    /** @return each missing node with its whereabouts, or "none" */
    String missing();

    /** @return the node to blame, or null when no single node is */
    String culprit();

    /** @return what went wrong, in words */
    String reason();

    /** @return the whole explanation */
    default String message() {
        return "Barrier '" + barrier() + "' failed: " + reason() + "; arrived: " + arrived() + "; missing: " + missing();
    }

    /** @return the failure as the run's root cause */
    default RootCause rootCause() {
        BarrierFailedException error = new BarrierFailedException(message());
        error.setStackTrace(new StackTraceElement[0]); // the conductor's stack says nothing about the nodes
        return new RootCause(culprit(), "barrier '" + barrier() + "'", message(), error, false);
    }

    /** A node entered another barrier than the one the others wait at. */
    record WrongName(String barrier, List<String> arrived, String missing, String culprit, String entered)
            implements BarrierFailure {
        @Override
        public String reason() {
            return "barrier names disagree: " + arrived + " wait at '" + barrier + "' but " + culprit + " entered '"
                    + entered + "'";
        }
    }

    /** A node finished its body without entering the barrier others wait at. */
    record NodeFinished(String barrier, List<String> arrived, String missing, String culprit, boolean beforeTheOthers)
            implements BarrierFailure {
        @Override
        public String reason() {
            return beforeTheOthers
                    ? culprit + " finished its body without entering barrier '" + barrier + "', which " + arrived + " wait at"
                    : culprit + " finished its body while " + arrived + " wait for it at barrier '" + barrier + "'";
        }
    }

    /** A node died, not removed by a fault, while others wait at the barrier. */
    record NodeLost(String barrier, List<String> arrived, String missing, String culprit) implements BarrierFailure {
        @Override
        public String reason() {
            return culprit + " died while " + arrived + " wait at barrier '" + barrier + "'";
        }
    }

    /** The barrier's deadline passed. */
    record TimedOut(String barrier, List<String> arrived, String missing, String culprit, long timeoutMillis)
            implements BarrierFailure {
        @Override
        public String reason() {
            return "timed out after " + timeoutMillis + " ms";
        }
    }
}
