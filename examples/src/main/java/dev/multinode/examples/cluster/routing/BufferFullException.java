package dev.multinode.examples.cluster.routing;

/** A message could not be kept while its target's home is unknown: the buffer already holds its limit. */
public final class BufferFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what     what the message was for, e.g. "entity cart-7 (shard 3)"
     * @param capacity the buffer's limit
     */
    public BufferFullException(String what, int capacity) {
        super("message for " + what + " dropped: the buffer of messages waiting for a home already holds "
                + capacity + " (ClusterSettings.bufferSize); retry once the cluster has settled");
    }
}
