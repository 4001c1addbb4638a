package dev.multinode.runtime.node;

import java.nio.ByteBuffer;

/**
 * A frame of the system under test that reached a paused node, copied to the heap to wait for the
 * resume: pauses are rare, so the copy costs nothing on the path of a running node.
 *
 * @param from    the sender's participant index
 * @param type    {@code USER} or {@code PROBE}
 * @param payload the bytes
 */
record HeldFrame(int from, int type, byte[] payload) {

    static HeldFrame of(int from, int type, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        return new HeldFrame(from, type, copy);
    }
}
