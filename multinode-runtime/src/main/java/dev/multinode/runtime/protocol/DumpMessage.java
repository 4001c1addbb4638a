package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * DUMP, node to conductor: the body thread's stack, answering a DUMP_REQUEST at the run timeout.
 * <pre>
 *   0   stack  string   at most {@value #MAX_CHARS} characters, cut with a marker beyond
 * </pre>
 */
public final class DumpMessage {

    /** The frame type. */
    public static final int TYPE = FrameType.DUMP;
    /** The longest stack text sent; control frames are at least 64 KiB. */
    public static final int MAX_CHARS = 20_000;

    private static final int STACK_OFFSET = 0;

    private ByteBuffer frame;

    /**
     * @param buffer a send buffer
     * @param stack  the stack, as text
     * @return {@code buffer}, ready to send
     */
    public static ByteBuffer write(ByteBuffer buffer, String stack) {
        buffer.clear().position(STACK_OFFSET);
        Wire.putString(buffer, stack.length() > MAX_CHARS ? stack.substring(0, MAX_CHARS) + "\n\t..." : stack);
        return buffer.flip();
    }

    /**
     * @param received a received message, copied to the heap
     * @return this, reading it
     */
    public DumpMessage wrap(ByteBuffer received) {
        this.frame = received;
        return this;
    }

    /** @return the stack */
    public String stack() {
        return Wire.getString(frame, STACK_OFFSET);
    }
}
