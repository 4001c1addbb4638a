package dev.multinode.examples.cluster.codec;

import java.nio.ByteBuffer;

/**
 * A message one cluster node sends another. Each type has its own tag byte, registered with a
 * {@link ClusterMessageCodec} together with the {@link MessageDecoder} that reads it back.
 */
public interface Message {

    /** @return the byte that names this message's type on the wire */
    byte tag();

    /**
     * Writes this message's fields, without the tag, at the buffer's position.
     *
     * @param out the buffer to write to
     * @throws java.nio.BufferOverflowException if the fields do not fit
     */
    void writeTo(ByteBuffer out);
}
