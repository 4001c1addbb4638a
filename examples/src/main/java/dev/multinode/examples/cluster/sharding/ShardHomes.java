package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator tells regions where shards live: a region named as a shard's home starts hosting
 * it, and every region routes by it.
 *
 * @param homes    shard to the role of its region
 * @param complete whether this is the whole allocation, sent in answer to {@link RegisterRegion}
 */
public record ShardHomes(Map<Integer, String> homes, boolean complete) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x22;

    /**
     * @param homes    shard to region
     * @param complete whether it is the whole allocation
     */
    public ShardHomes {
        homes = Map.copyOf(homes);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        MessageFields.putBoolean(out, complete);
        out.putInt(homes.size());
        new TreeMap<>(homes).forEach((shard, region) -> {
            out.putInt(shard);
            MessageFields.putString(out, region);
        });
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static ShardHomes readFrom(ByteBuffer in) throws MalformedMessageException {
        boolean complete = MessageFields.getBoolean(in, "complete");
        int count = MessageFields.getCount(in, "homes", 2 * Integer.BYTES);
        Map<Integer, String> homes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int shard = MessageFields.getInt(in, "shard");
            if (homes.put(shard, MessageFields.getString(in, "region")) != null) {
                throw new MalformedMessageException("shard " + shard + " appears twice");
            }
        }
        return new ShardHomes(homes, complete);
    }
}
