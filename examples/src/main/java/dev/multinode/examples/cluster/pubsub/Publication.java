package dev.multinode.examples.cluster.pubsub;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A published message for the subscribers that live on the receiving node.
 *
 * @param topic       the topic
 * @param message     the message
 * @param subscribers the names of the receiver's subscribers to deliver it to
 */
public record Publication(String topic, String message, List<String> subscribers) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x32;

    /**
     * @param topic       the topic
     * @param message     the message
     * @param subscribers the subscribers' names
     */
    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        subscribers = List.copyOf(subscribers);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        MessageFields.putString(out, topic);
        MessageFields.putString(out, message);
        out.putInt(subscribers.size());
        subscribers.forEach(name -> MessageFields.putString(out, name));
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static Publication readFrom(ByteBuffer in) throws MalformedMessageException {
        String topic = MessageFields.getString(in, "topic");
        String message = MessageFields.getString(in, "message");
        int count = MessageFields.getCount(in, "subscribers", Integer.BYTES);
        List<String> subscribers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subscribers.add(MessageFields.getString(in, "subscriber"));
        }
        return new Publication(topic, message, subscribers);
    }
}
