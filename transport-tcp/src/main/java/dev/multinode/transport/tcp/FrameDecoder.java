package dev.multinode.transport.tcp;

import java.nio.ByteBuffer;

/**
 * Cuts frames ({@code [int length][byte type][payload]}, big-endian, {@code length = 1 + payload
 * bytes}) out of the bytes of a stream. It validates every length prefix as soon as its four bytes
 * are there, before waiting for the rest of the frame, so that a hostile prefix never makes anyone
 * wait or allocate; it allocates nothing itself.
 */
final class FrameDecoder {

    /** Bytes of the length prefix. */
    static final int LENGTH_BYTES = Integer.BYTES;
    /** Bytes before the payload: the length prefix and the type. */
    static final int HEADER_BYTES = LENGTH_BYTES + 1;
    /** The largest payload any decoder accepts, so that a whole frame's size fits an int. */
    static final int MAX_PAYLOAD_LIMIT = Integer.MAX_VALUE - HEADER_BYTES - 8;

    private final int maxPayload;
    private final int minType;
    private final int maxType;

    /**
     * @param maxPayload the largest payload accepted, 0 to {@link #MAX_PAYLOAD_LIMIT}
     * @param minType    the lowest type accepted, 0 to 127
     * @param maxType    the highest type accepted, {@code minType} to 127
     * @throws IllegalArgumentException if a bound is out of range
     */
    FrameDecoder(int maxPayload, int minType, int maxType) {
        if (maxPayload < 0 || maxPayload > MAX_PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("maxPayload " + maxPayload + " is out of range 0.." + MAX_PAYLOAD_LIMIT);
        }
        if (minType < 0 || maxType > Byte.MAX_VALUE || minType > maxType) {
            throw new IllegalArgumentException("type range " + minType + ".." + maxType + " is not within 0..127");
        }
        this.maxPayload = maxPayload;
        this.minType = minType;
        this.maxType = maxType;
    }

    /**
     * Hands the complete frames between {@code in}'s position and limit to {@code sink}, at most
     * {@code limit} of them. Before each call of the sink, {@code in}'s position moves past the
     * frame, so a sink that throws loses no other frame and sees its own frame only once; on return,
     * the position is at the first byte not consumed (the start of an incomplete frame, if any).
     *
     * @param in    the stream's bytes, big-endian
     * @param view  a duplicate of {@code in} (same content): it is positioned on each payload and
     *              handed to the sink, so that the sink cannot disturb {@code in}
     * @param sink  gets each frame
     * @param limit the most frames to decode
     * @return how many frames were decoded
     * @throws FrameRejectedException if a length prefix is below 1 or above {@code maxPayload + 1},
     *     or a type is outside the accepted range; {@code in}'s position then stays at that frame
     */
    int decode(ByteBuffer in, ByteBuffer view, FrameSink sink, int limit) throws FrameRejectedException {
        int count = 0;
        while (count < limit) {
            int start = in.position();
            int available = in.limit() - start;
            if (available < LENGTH_BYTES) {
                break;
            }
            int length = checkedLength(in.getInt(start));
            if (available < HEADER_BYTES) {
                break;
            }
            int type = in.get(start + LENGTH_BYTES);
            if (type < minType || type > maxType) {
                throw new FrameRejectedException("frame type " + type + " is outside the accepted range "
                        + minType + ".." + maxType);
            }
            if (available - LENGTH_BYTES < length) {
                break;
            }
            int end = start + LENGTH_BYTES + length;
            in.position(end);
            view.limit(end).position(start + HEADER_BYTES);
            count++;
            sink.onFrame(type, view);
        }
        return count;
    }

    /**
     * @param in a stream's bytes, after {@link #decode} returned
     * @return the whole size (prefix included) of the incomplete frame at {@code in}'s position, or
     *     0 if its length prefix is not complete yet
     * @throws FrameRejectedException if that length prefix is not acceptable
     */
    int pendingFrameBytes(ByteBuffer in) throws FrameRejectedException {
        if (in.remaining() < LENGTH_BYTES) {
            return 0;
        }
        return LENGTH_BYTES + checkedLength(in.getInt(in.position()));
    }

    private int checkedLength(int length) throws FrameRejectedException {
        if (length < 1 || length - 1 > maxPayload) {
            throw new FrameRejectedException("frame length prefix " + length + " is outside the accepted range 1.."
                    + (maxPayload + 1) + " (1 type byte + up to " + maxPayload + " payload bytes)");
        }
        return length;
    }
}
