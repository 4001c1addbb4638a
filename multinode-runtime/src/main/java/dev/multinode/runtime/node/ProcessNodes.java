package dev.multinode.runtime.node;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many nodes live in this process. A shared relay tells the nodes apart by the process that
 * opened each connection, which is possible only when every node is a process of its own: thread
 * launch puts them all in one.
 */
final class ProcessNodes {

    private static final AtomicInteger LIVE = new AtomicInteger();

    private ProcessNodes() {
    }

    /** A node of this process started. */
    static void started() {
        LIVE.incrementAndGet();
    }

    /** A node of this process released everything. */
    static void ended() {
        LIVE.decrementAndGet();
    }

    /** @return whether another node lives in this process too */
    static boolean shared() {
        return LIVE.get() > 1;
    }
}
