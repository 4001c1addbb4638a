package dev.multinode.examples.cluster.routing;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The answer to an ask or where-query, sent to the request's origin.
 *
 * @param correlationId the ask's id on the origin node
 * @param failed        whether {@code text} is a failure rather than the answer
 * @param text          the answer, or what went wrong
 */
public record Reply(long correlationId, boolean failed, String text) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x10;

    /**
     * @param correlationId the ask's id
     * @param failed        whether it failed
     * @param text          the answer or failure
     */
    public Reply {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putLong(correlationId);
        MessageFields.putBoolean(out, failed);
        MessageFields.putString(out, text);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static Reply readFrom(ByteBuffer in) throws MalformedMessageException {
        return new Reply(MessageFields.getLong(in, "correlationId"), MessageFields.getBoolean(in, "failed"),
                MessageFields.getString(in, "text"));
    }
}
