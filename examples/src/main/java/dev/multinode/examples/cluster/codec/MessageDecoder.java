package dev.multinode.examples.cluster.codec;

import java.nio.ByteBuffer;

/**
 * Reads the fields of one message type, the tag already consumed.
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface MessageDecoder<M extends Message> {

    /**
     * Reads a message's fields from the buffer's position.
     *
     * @param in the frame, positioned after the tag
     * @return the message
     * @throws MalformedMessageException if the fields are missing or invalid
     */
    M readFrom(ByteBuffer in) throws MalformedMessageException;
}
