package dev.multinode.examples.cluster.membership;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * Asks the seed (or, for a later incarnation of the seed, any member) to add the sender to the
 * cluster; the receiver answers with its {@link Gossip}.
 *
 * @param incarnation which life of the sender's role joins; a higher one replaces the role's entry
 */
public record Join(int incarnation) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x01;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        // The sender's role travels with the frame.
        out.putInt(incarnation);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or the incarnation negative
     */
    public static Join readFrom(ByteBuffer in) throws MalformedMessageException {
        int incarnation = MessageFields.getInt(in, "join incarnation");
        if (incarnation < 0) {
            throw new MalformedMessageException("join incarnation must be >= 0, got " + incarnation);
        }
        return new Join(incarnation);
    }
}
