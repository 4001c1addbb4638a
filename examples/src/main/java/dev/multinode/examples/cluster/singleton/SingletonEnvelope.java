package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.routing.Request;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A request for a singleton, on its way to the oldest member.
 *
 * @param request the request; its target is the singleton's name
 */
public record SingletonEnvelope(Request request) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x40;

    /**
     * @param request the request
     */
    public SingletonEnvelope {
        Objects.requireNonNull(request, "request");
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        request.writeTo(out);
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static SingletonEnvelope readFrom(ByteBuffer in) throws MalformedMessageException {
        return new SingletonEnvelope(Request.readFrom(in));
    }
}
