package dev.multinode;

import java.nio.ByteBuffer;

/**
 * Receives the frames other nodes {@linkplain Node#send send} to this node.
 *
 * <p>Called on the node's receiver thread, one frame at a time, in arrival order per sender. The
 * buffer holds the frame between its position and limit and is only valid during the call: copy what
 * you keep. A handler must not block for long, since it delays every other frame of the node.
 */
@FunctionalInterface
public interface FrameHandler {

    /**
     * Handles one frame.
     *
     * @param fromRole the role that sent it
     * @param frame    the frame's bytes, read-only for the duration of the call
     */
    void onFrame(String fromRole, ByteBuffer frame);
}
