package dev.multinode.spi;

import java.nio.ByteBuffer;

/**
 * A participant's connection to the transport: it sends frames to any participant and polls the
 * frames sent to it. {@link #send} may be called from several threads at once; {@link #poll} from
 * one thread at a time. Neither allocates per frame where the transport can avoid it.
 */
public interface Endpoint extends AutoCloseable {

    /** The lowest frame type. */
    int MIN_TYPE = 1;
    /** The highest frame type. */
    int MAX_TYPE = 127;

    /** @return this endpoint's participant index */
    int participant();

    /**
     * Sends one frame. Copies the payload's bytes between position and limit before returning and
     * leaves the buffer's position unchanged. Waits a bounded time when the receiver is full.
     *
     * @param to      the receiver's participant index
     * @param type    the frame type, {@value #MIN_TYPE} to {@value #MAX_TYPE}, delivered as is
     * @param payload the bytes
     * @throws IllegalArgumentException if the payload exceeds the frame size limit, naming both sizes
     * @throws IllegalStateException if the endpoint is closed or the receiver stays full too long
     */
    void send(int to, int type, ByteBuffer payload);

    /**
     * Delivers up to {@code limit} waiting frames to {@code receiver}, without blocking.
     *
     * @param receiver gets each frame
     * @param limit    the most frames to deliver
     * @return how many frames were delivered
     */
    int poll(FrameReceiver receiver, int limit);

    /** Stops sending and receiving; frames sent to this endpoint afterwards are discarded. */
    @Override
    void close();
}
