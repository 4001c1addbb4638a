package dev.multinode.examples.cluster.codec;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes the example cluster's own messages by tag: the system under test's wire
 * format, which the harness carries as opaque frames (the runtime's probe-message codec is another
 * thing). Immutable once built, so one codec may be shared by every thread.
 */
public final class ClusterMessageCodec {

    private static final int TAGS = 256;

    private final Class<?>[] types;
    private final MessageDecoder<?>[] decoders;

    private ClusterMessageCodec(Class<?>[] types, MessageDecoder<?>[] decoders) {
        this.types = types;
        this.decoders = decoders;
    }

    /** @return a builder to register message types with */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the message's tag and fields at the buffer's position.
     *
     * @param message the message
     * @param out     the buffer
     * @throws IllegalArgumentException if the message's type is not registered under its tag, or the
     *                                  message does not fit in the buffer
     */
    public void encode(Message message, ByteBuffer out) {
        int tag = message.tag() & 0xff;
        if (types[tag] != message.getClass()) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " is not registered under tag "
                    + hex(tag) + (types[tag] == null ? "" : "; that tag belongs to " + types[tag].getSimpleName()));
        }
        try {
            out.put(message.tag());
            message.writeTo(out);
        } catch (BufferOverflowException e) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " does not fit in "
                    + out.capacity() + " bytes, the largest frame", e);
        }
    }

    /**
     * Reads one message that fills the buffer from its position to its limit.
     *
     * @param in the frame
     * @return the message
     * @throws MalformedMessageException if the frame is empty, its tag unknown, its fields invalid, or
     *                                   bytes remain after the message
     */
    public Message decode(ByteBuffer in) throws MalformedMessageException {
        if (!in.hasRemaining()) {
            throw new MalformedMessageException("empty frame");
        }
        int tag = in.get() & 0xff;
        MessageDecoder<?> decoder = decoders[tag];
        if (decoder == null) {
            throw new MalformedMessageException("unknown tag " + hex(tag));
        }
        String name = types[tag].getSimpleName();
        Message message;
        try {
            message = decoder.readFrom(in);
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A decoded field that a message's constructor rejects is just as malformed.
            throw new MalformedMessageException(name + ": " + e, e);
        }
        if (in.hasRemaining()) {
            throw new MalformedMessageException(name + ": " + in.remaining() + " bytes after the message");
        }
        return message;
    }

    private static String hex(int tag) {
        return String.format("0x%02x", tag);
    }

    /** Collects the message types of a codec, one tag each. */
    public static final class Builder {

        private final Class<?>[] types = new Class<?>[TAGS];
        private final MessageDecoder<?>[] decoders = new MessageDecoder<?>[TAGS];

        private Builder() {
        }

        /**
         * Registers a message type.
         *
         * @param tag     the type's tag byte; must equal what its messages' {@link Message#tag()} returns
         * @param type    the message class
         * @param decoder reads the type's fields
         * @param <M>     the message type
         * @return this builder
         * @throws IllegalArgumentException if the tag is already taken
         */
        public <M extends Message> Builder register(byte tag, Class<M> type, MessageDecoder<M> decoder) {
            int index = tag & 0xff;
            if (types[index] != null) {
                throw new IllegalArgumentException("tag " + hex(index) + " for " + type.getSimpleName()
                        + " is already taken by " + types[index].getSimpleName());
            }
            types[index] = type;
            decoders[index] = decoder;
            return this;
        }

        /** @return the codec */
        public ClusterMessageCodec build() {
            return new ClusterMessageCodec(types.clone(), decoders.clone());
        }
    }
}
