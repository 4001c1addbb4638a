package dev.multinode.examples.cluster.routing;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A message on its way to an entity or a singleton, wherever it lives.
 *
 * @param target        the entity id or singleton name
 * @param kind          what the request wants
 * @param correlationId matches the reply to the ask on the origin node; 0 for a tell
 * @param origin        the role that waits for the reply
 * @param hops          how many times nodes forwarded it, which bounds routing loops while homes move
 * @param message       the payload
 */
public record Request(String target, RequestKind kind, long correlationId, String origin, int hops, String message) {

    /** Forwards allowed before a request is dropped as lost in a routing loop. */
    public static final int MAX_HOPS = 3;

    /**
     * @param target        the entity id or singleton name
     * @param kind          what the request wants
     * @param correlationId the ask's id on the origin node
     * @param origin        the role that waits for the reply
     * @param hops          forwards so far
     * @param message       the payload
     */
    public Request {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0, got " + hops);
        }
    }

    /** @return this request, one forward further */
    public Request forwarded() {
        return new Request(target, kind, correlationId, origin, hops + 1, message);
    }

    /** @return whether the request was forwarded too often to be forwarded again */
    public boolean exhausted() {
        return hops >= MAX_HOPS;
    }

    /**
     * @param out the buffer to write this request to
     */
    public void writeTo(ByteBuffer out) {
        MessageFields.putString(out, target);
        MessageFields.putEnum(out, kind);
        out.putLong(correlationId);
        MessageFields.putString(out, origin);
        out.put((byte) hops);
        MessageFields.putString(out, message);
    }

    /**
     * @param in the buffer to read a request from
     * @return the request
     * @throws MalformedMessageException if it is truncated or invalid
     */
    public static Request readFrom(ByteBuffer in) throws MalformedMessageException {
        return new Request(MessageFields.getString(in, "target"), MessageFields.getEnum(in, RequestKind.values(), "kind"),
                MessageFields.getLong(in, "correlationId"), MessageFields.getString(in, "origin"),
                MessageFields.getByte(in, "hops"), MessageFields.getString(in, "message"));
    }
}
