package dev.multinode.examples.cluster.pubsub;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * The sender holds the receiver's bucket at this version or a newer one.
 *
 * @param version the version held
 */
public record BucketAck(long version) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x31;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putLong(version);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated
     */
    public static BucketAck readFrom(ByteBuffer in) throws MalformedMessageException {
        return new BucketAck(MessageFields.getLong(in, "version"));
    }
}
