package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * A region asks the coordinator where a shard lives, which allocates it if nobody hosts it.
 *
 * @param shard the shard
 */
public record GetShardHome(int shard) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x21;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putInt(shard);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated
     */
    public static GetShardHome readFrom(ByteBuffer in) throws MalformedMessageException {
        return new GetShardHome(MessageFields.getInt(in, "shard"));
    }
}
