package dev.multinode.transport.tcp;

import java.nio.ByteBuffer;

/** Receives the frames a {@link FrameDecoder} cuts out of a stream. */
@FunctionalInterface
interface FrameSink {

    /**
     * @param type    the frame's type byte
     * @param payload the payload between position and limit, valid only during the call
     * @throws FrameRejectedException if the sink finds the payload malformed
     */
    void onFrame(int type, ByteBuffer payload) throws FrameRejectedException;
}
