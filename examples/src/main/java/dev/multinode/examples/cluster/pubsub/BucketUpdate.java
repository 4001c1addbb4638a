package dev.multinode.examples.cluster.pubsub;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sender's whole bucket of subscriptions, at a version.
 *
 * @param version       the bucket's version
 * @param subscriptions its subscriptions
 */
public record BucketUpdate(long version, List<Subscription> subscriptions) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x30;

    /**
     * @param version       the version
     * @param subscriptions the subscriptions
     */
    public BucketUpdate {
        subscriptions = List.copyOf(subscriptions);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putLong(version);
        out.putInt(subscriptions.size());
        subscriptions.forEach(s -> s.writeTo(out));
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static BucketUpdate readFrom(ByteBuffer in) throws MalformedMessageException {
        long version = MessageFields.getLong(in, "version");
        int count = MessageFields.getCount(in, "subscriptions", Subscription.MIN_ENCODED_BYTES);
        List<Subscription> subscriptions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subscriptions.add(Subscription.readFrom(in));
        }
        return new BucketUpdate(version, subscriptions);
    }
}
