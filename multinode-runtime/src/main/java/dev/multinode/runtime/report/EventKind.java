package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.RunEvents;

/**
 * What a conductor event is about, for drawing it. The conductor records events as words; this is
 * the one place that reads them back.
 */
enum EventKind {
    /** The conductor started, or a node said hello. */
    LIFECYCLE,
    /** Every node is up and the bodies start. */
    START,
    /** A barrier released its nodes. */
    BARRIER,
    /** A fault was requested or came into force. */
    FAULT,
    /** A node's body returned. */
    PASSED,
    /** A node's body threw. */
    FAILED,
    /** A node's body was stopped by the abort. */
    CANCELLED,
    /** A fault killed or shut down a node. */
    REMOVED,
    /** A node's process died when no fault asked for it. */
    DIED,
    /** The run's first failure aborted it. */
    ABORTED,
    /** The run is over. */
    END,
    /** Anything else. */
    OTHER;

    static EventKind of(RunEvents.Event event) {
        String text = event.text();
        if (text.startsWith("run aborted")) {
            return ABORTED;
        }
        if (text.startsWith("fault requested") || text.startsWith("in force")) {
            return FAULT;
        }
        if (event.role() == null) {
            if (text.startsWith("all nodes up")) {
                return START;
            }
            if (text.startsWith("barrier '")) {
                return BARRIER;
            }
            if (text.equals("run passed") || text.equals("run failed")) {
                return END;
            }
            return text.startsWith("conductor started") ? LIFECYCLE : OTHER;
        }
        if (text.equals("node up")) {
            return LIFECYCLE;
        }
        if (text.startsWith("body passed")) {
            return PASSED;
        }
        if (text.startsWith("body failed")) {
            return FAILED;
        }
        if (text.startsWith("body cancelled")) {
            return CANCELLED;
        }
        if (text.endsWith("by a fault")) {
            return REMOVED;
        }
        return text.startsWith(event.role() + " died") ? DIED : OTHER;
    }
}
