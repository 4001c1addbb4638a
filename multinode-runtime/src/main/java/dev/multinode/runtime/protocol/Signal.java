package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * The control messages that carry nothing but their type:
 * {@link FrameType#HELLO} (node to conductor: the node is up),
 * {@link FrameType#START} (conductor to node: every node is up, run the body),
 * {@link FrameType#STOP} (conductor to node: every body is done, stop),
 * {@link FrameType#DUMP_REQUEST} (conductor to node: send the body thread's stack) and
 * {@link FrameType#HEARTBEAT} (the debugged node to the conductor: not suspended by a debugger).
 * <pre>
 *   (no payload)
 * </pre>
 */
public final class Signal {

    private Signal() {
    }

    /**
     * @param buffer a send buffer
     * @return {@code buffer}, empty and ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer) {
        return buffer.clear().flip();
    }
}
