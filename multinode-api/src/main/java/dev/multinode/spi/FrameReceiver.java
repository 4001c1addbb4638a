package dev.multinode.spi;

import java.nio.ByteBuffer;

/** Receives frames from {@link Endpoint#poll}. */
@FunctionalInterface
public interface FrameReceiver {

    /**
     * Handles one frame. The payload lies between the buffer's position and limit and is valid only
     * during the call.
     *
     * @param from    the sender's participant index
     * @param type    the frame type the sender gave
     * @param payload the bytes
     */
    void onFrame(int from, int type, ByteBuffer payload);
}
