package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A region announces itself to the coordinator with the shards it hosts, which is how a new
 * coordinator learns the allocation its predecessor made.
 *
 * @param shards the shards the sender hosts
 */
public record RegisterRegion(List<Integer> shards) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x20;

    /**
     * @param shards the hosted shards
     */
    public RegisterRegion {
        shards = List.copyOf(shards);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putInt(shards.size());
        shards.forEach(out::putInt);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static RegisterRegion readFrom(ByteBuffer in) throws MalformedMessageException {
        int count = MessageFields.getCount(in, "shards", Integer.BYTES);
        List<Integer> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shards.add(MessageFields.getInt(in, "shard"));
        }
        return new RegisterRegion(shards);
    }
}
