package dev.multinode.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The raw TCP baseline's frames: fixed-size, no header, since both ends know the size. With a
 * non-blocking channel the loops busy-poll; with a blocking one they block in the kernel.
 */
final class SocketFrames {

    private SocketFrames() {
    }

    /**
     * Fills {@code frame} from its position to its limit.
     *
     * @param channel  where to read
     * @param frame    the buffer to fill
     * @param idle     called while nothing has arrived, to check for failures; never on a blocking channel
     * @throws EOFException if the peer closed the connection first
     * @throws IOException  if reading fails
     */
    static void readFully(SocketChannel channel, ByteBuffer frame, Runnable idle) throws IOException {
        while (frame.hasRemaining()) {
            int read = channel.read(frame);
            if (read < 0) {
                throw new EOFException("The peer closed the connection with " + frame.remaining() + " of "
                        + frame.limit() + " bytes of a frame missing");
            }
            if (read == 0) {
                idle.run();
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Writes {@code frame} from its position to its limit; a small frame to an idle peer always
     * fits the socket's buffer, so a non-blocking write loops only in theory.
     *
     * @param channel where to write
     * @param frame   the bytes
     * @throws IOException if writing fails
     */
    static void writeFully(SocketChannel channel, ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            if (channel.write(frame) == 0) {
                Thread.onSpinWait();
            }
        }
    }
}
