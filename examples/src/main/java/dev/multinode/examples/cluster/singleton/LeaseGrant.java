package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * A role grants the singleton lease: it promises to grant no other holder for a lease duration
 * from now, as its own clock measures.
 *
 * @param attempt the {@link LeaseRequest#attempt()} this answers
 */
public record LeaseGrant(long attempt) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x42;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putLong(attempt);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated
     */
    public static LeaseGrant readFrom(ByteBuffer in) throws MalformedMessageException {
        return new LeaseGrant(MessageFields.getLong(in, "lease attempt"));
    }
}
