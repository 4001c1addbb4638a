package dev.multinode.examples.cluster.pubsub;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A subscriber's interest in a topic.
 *
 * @param topic      the topic
 * @param subscriber who receives its messages, on the node of its role
 */
public record Subscription(String topic, ProbeRef subscriber) {

    /** The fewest bytes an encoded subscription takes: three empty strings. */
    public static final int MIN_ENCODED_BYTES = 3 * Integer.BYTES;

    /**
     * @param topic      the topic
     * @param subscriber the subscriber
     */
    public Subscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subscriber, "subscriber");
    }

    /**
     * @param out the buffer to write this subscription to
     */
    public void writeTo(ByteBuffer out) {
        MessageFields.putString(out, topic);
        MessageFields.putString(out, subscriber.role());
        MessageFields.putString(out, subscriber.name());
    }

    /**
     * @param in the buffer to read a subscription from
     * @return the subscription
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static Subscription readFrom(ByteBuffer in) throws MalformedMessageException {
        return new Subscription(MessageFields.getString(in, "topic"),
                new ProbeRef(MessageFields.getString(in, "subscriber role"),
                        MessageFields.getString(in, "subscriber name")));
    }
}
