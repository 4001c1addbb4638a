package dev.multinode.runtime.conductor;

/** What a conductor event is about; the conductor says so where the event happens, and reports read it. */
public enum EventKind {
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
    /** A node was killed for a restart: it is down until its next incarnation is up. */
    DOWN,
    /** A restarted node's new incarnation is up; the text starts with "incarnation N". */
    RESTARTED,
    /** A node was paused. */
    PAUSED,
    /** A paused node was resumed. */
    RESUMED,
    /** A node's clock was skewed or set to drift. */
    CLOCK,
    /** A node's process died when no fault asked for it. */
    DIED,
    /** The run's first failure aborted it. */
    ABORTED,
    /** The run is over. */
    END
}
