package dev.multinode.examples.cluster.sharding;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.routing.Request;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A request for an entity, on its way to its shard's home.
 *
 * @param request the request; its target is the entity id
 */
public record EntityEnvelope(Request request) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x23;

    /**
     * @param request the request
     */
    public EntityEnvelope {
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
    public static EntityEnvelope readFrom(ByteBuffer in) throws MalformedMessageException {
        return new EntityEnvelope(Request.readFrom(in));
    }
}
