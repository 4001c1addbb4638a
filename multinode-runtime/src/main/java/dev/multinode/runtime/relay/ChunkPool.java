package dev.multinode.runtime.relay;

import java.util.ArrayDeque;

/**
 * The hub's spare chunks: a pipe takes one when it needs it and gives its chunks back when its
 * connection closes, so connections that come and go (a reset, a reconnect) allocate no new
 * direct memory. Only the relay thread uses it.
 */
final class ChunkPool {

    private final int chunkSize;
    private final ArrayDeque<Chunk> spare = new ArrayDeque<>();

    ChunkPool(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    Chunk take() {
        Chunk chunk = spare.pollFirst();
        return chunk != null ? chunk : new Chunk(chunkSize);
    }

    void give(Chunk chunk) {
        chunk.clear();
        spare.addFirst(chunk);
    }
}
