package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;

/**
 * One step of the {@link SingletonLease} protocol; the sender's role travels with the frame.
 *
 * @param step    what the sender does
 * @param attempt numbers the holder's requests, so that a grant counts for the request it answers;
 *                0 in a release
 */
public record LeaseMessage(Step step, long attempt) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x41;

    /** What the sender of a {@link LeaseMessage} does. */
    public enum Step {
        /** The oldest member asks every role to grant it the lease (again). */
        REQUEST,
        /**
         * A role grants a request: it promises to grant no other holder for a lease duration from now,
         * as its own clock measures.
         */
        GRANT,
        /**
         * The holder gives the lease back once its instances stopped (a hand-over or a graceful
         * leave), so that the next host need not wait for the grants to expire.
         */
        RELEASE
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        MessageFields.putEnum(out, step);
        out.putLong(attempt);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or names an unknown step
     */
    public static LeaseMessage readFrom(ByteBuffer in) throws MalformedMessageException {
        return new LeaseMessage(MessageFields.getEnum(in, Step.values(), "lease step"),
                MessageFields.getLong(in, "lease attempt"));
    }
}
