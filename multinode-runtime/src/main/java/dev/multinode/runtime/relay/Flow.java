package dev.multinode.runtime.relay;

/** Direction of a byte flow between this node and one peer. */
public enum Flow {
    /** This node to the peer. */
    OUT,
    /** The peer to this node. */
    IN
}
