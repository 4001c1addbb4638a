package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * The oldest member asks every role to grant it the singleton lease (again).
 *
 * @param attempt numbers the sender's requests, so that a grant counts for the request it answers
 */
public record LeaseRequest(long attempt) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x41;

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
    public static LeaseRequest readFrom(ByteBuffer in) throws MalformedMessageException {
        return new LeaseRequest(MessageFields.getLong(in, "lease attempt"));
    }
}
