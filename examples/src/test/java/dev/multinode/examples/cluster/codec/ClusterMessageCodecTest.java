package dev.multinode.examples.cluster.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ClusterMessageCodecTest {

    /** A message of one string, to exercise the codec without the cluster's types. */
    record Note(String text) implements Message {
        static final byte TAG = 0x7f;

        @Override
        public byte tag() {
            return TAG;
        }

        @Override
        public void writeTo(ByteBuffer out) {
            MessageFields.putString(out, text);
        }

        static Note readFrom(ByteBuffer in) throws MalformedMessageException {
            return new Note(MessageFields.getString(in, "text"));
        }
    }

    /** Claims a tag it was not registered under. */
    record Impostor() implements Message {
        @Override
        public byte tag() {
            return Note.TAG;
        }

        @Override
        public void writeTo(ByteBuffer out) {
        }
    }

    private final ClusterMessageCodec codec = ClusterMessageCodec.builder()
            .register(Note.TAG, Note.class, Note::readFrom).build();

    @Test
    void roundTrips() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        codec.encode(new Note("hello"), buffer);
        buffer.flip();
        assertEquals(Note.TAG, buffer.get(0));
        assertEquals(new Note("hello"), codec.decode(buffer));
    }

    @Test
    void aTagCanBeRegisteredOnlyOnce() {
        ClusterMessageCodec.Builder builder = ClusterMessageCodec.builder()
                .register(Note.TAG, Note.class, Note::readFrom);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.register(Note.TAG, Note.class, Note::readFrom));
        assertEquals("tag 0x7f for Note is already taken by Note", e.getMessage());
    }

    @Test
    void encodingATypeRegisteredUnderAnotherTagFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Impostor(), ByteBuffer.allocate(16)));
        assertEquals("Impostor is not registered under tag 0x7f; that tag belongs to Note", e.getMessage());
    }

    @Test
    void aMessageLargerThanTheBufferIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Note("x".repeat(100)), ByteBuffer.allocate(32)));
        assertEquals("Note does not fit in 32 bytes, the largest frame", e.getMessage());
    }

    @Test
    void emptyUnknownTruncatedAndTrailingFramesAreMalformed() {
        assertEquals("empty frame", assertThrows(MalformedMessageException.class,
                () -> codec.decode(ByteBuffer.allocate(0))).getMessage());
        assertEquals("unknown tag 0x42", assertThrows(MalformedMessageException.class,
                () -> codec.decode(ByteBuffer.wrap(new byte[] {0x42, 1, 2}))).getMessage());
        assertEquals("Note: text length: needs 4 bytes but 2 remain", assertThrows(MalformedMessageException.class,
                () -> codec.decode(ByteBuffer.wrap(new byte[] {Note.TAG, 0, 0}))).getMessage());
        assertEquals("Note: 1 bytes after the message", assertThrows(MalformedMessageException.class,
                () -> codec.decode(ByteBuffer.wrap(new byte[] {Note.TAG, 0, 0, 0, 0, 9}))).getMessage());
    }
}
