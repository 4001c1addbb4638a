package dev.multinode.transport.chronicle;

import java.nio.ByteBuffer;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The bytes of one frame inside a Chronicle document: the sender's participant index (int), the
 * frame type (one byte) and the payload, raw. Nothing is marshalled as an object, so writing and
 * reading allocate nothing.
 */
final class FrameRecord {

    /** Bytes before the payload: sender index and type. */
    static final int HEADER_BYTES = Integer.BYTES + Byte.BYTES;

    private FrameRecord() {
    }

    /**
     * Writes one frame at the document's write position.
     *
     * @param bytes   the open document's bytes
     * @param from    the sender's participant index
     * @param type    the frame type
     * @param payload the bytes between position and limit; its position is left unchanged
     * @param scratch a buffer for payloads that expose neither memory address nor array
     */
    static void write(Bytes<?> bytes, int from, int type, ByteBuffer payload, byte[] scratch) {
        bytes.writeInt(from);
        bytes.writeByte((byte) type);
        int length = payload.remaining();
        long at = bytes.writePosition();
        // Reserve first so the document grows (and checks its limit), then copy by absolute offsets:
        // the caller's buffer is never moved, even transiently, so senders may share read-only views.
        bytes.writeSkip(length);
        if (payload.isDirect()) {
            bytes.write(at, payload, payload.position(), length);
        } else if (payload.hasArray()) {
            bytes.write(at, payload.array(), payload.arrayOffset() + payload.position(), length);
        } else {
            copyThrough(bytes, at, payload, length, scratch);
        }
    }

    /** Copies a read-only heap payload in scratch-sized pieces. */
    private static void copyThrough(Bytes<?> bytes, long at, ByteBuffer payload, int length, byte[] scratch) {
        for (int done = 0; done < length; ) {
            int piece = Math.min(scratch.length, length - done);
            payload.get(payload.position() + done, scratch, 0, piece);
            bytes.write(at + done, scratch, 0, piece);
            done += piece;
        }
    }

    /** @return the sender index of the document being read; call first */
    static int readSender(Bytes<?> bytes) {
        return bytes.readInt();
    }

    /** @return the frame type of the document being read; call after {@link #readSender} */
    static int readType(Bytes<?> bytes) {
        return bytes.readUnsignedByte();
    }

    /**
     * Copies the payload of the document being read into {@code target}, after the header was read.
     *
     * @param bytes  the open document's bytes
     * @param target receives the payload between position 0 and its limit
     */
    static void readPayload(Bytes<?> bytes, ByteBuffer target) {
        target.clear().limit((int) bytes.readRemaining());
        bytes.read(target);
        target.flip();
    }
}
