package dev.multinode.examples.cluster.routing;

/** What a request wants from its target. */
public enum RequestKind {
    /** Handle the message; no reply. */
    TELL,
    /** Handle the message and reply with the result. */
    ASK,
    /** Reply with the role of the node the target lives on, starting the target if needed. */
    WHERE
}
