package dev.multinode.runtime.node;

import java.nio.ByteBuffer;

/**
 * One reusable heap buffer per sending thread, so that encoding a frame allocates nothing once a
 * thread has sent its first. Transports copy the bytes before {@code send} returns.
 */
final class SendBuffers {

    private final ThreadLocal<ByteBuffer> perThread;

    SendBuffers(int capacity) {
        perThread = ThreadLocal.withInitial(() -> ByteBuffer.allocate(capacity));
    }

    /** @return this thread's buffer, cleared */
    ByteBuffer acquire() {
        return perThread.get().clear();
    }
}
