package dev.multinode.examples.cluster.membership;

import dev.multinode.examples.cluster.codec.Message;
import java.nio.ByteBuffer;

/** Asks the seed to add the sender to the cluster; the seed answers with its {@link Gossip}. */
public record Join() implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x01;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        // The sender's role travels with the frame; a join has no fields of its own.
    }

    /**
     * @param in the frame after the tag
     * @return the message
     */
    public static Join readFrom(ByteBuffer in) {
        return new Join();
    }
}
