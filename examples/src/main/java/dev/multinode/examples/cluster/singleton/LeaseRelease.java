package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.codec.Message;
import java.nio.ByteBuffer;

/**
 * The holder gives the lease back once its instances stopped (a hand-over or a graceful leave), so
 * that the next host need not wait for the grants to expire.
 */
public record LeaseRelease() implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x43;

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        // The sender's role, which travels with the frame, names the lease given back.
    }

    /**
     * @param in the frame after the tag
     * @return the message
     */
    public static LeaseRelease readFrom(ByteBuffer in) {
        return new LeaseRelease();
    }
}
