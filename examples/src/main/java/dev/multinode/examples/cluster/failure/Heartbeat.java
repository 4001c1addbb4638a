package dev.multinode.examples.cluster.failure;

import dev.multinode.examples.cluster.codec.Message;
import java.nio.ByteBuffer;

/** "I am alive": the sender's role, which travels with the frame, is all a heartbeat says. */
public record Heartbeat() implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x03;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        // No fields: the arrival itself is the news.
    }

    /**
     * @param in the frame after the tag
     * @return the message
     */
    public static Heartbeat readFrom(ByteBuffer in) {
        return new Heartbeat();
    }
}
