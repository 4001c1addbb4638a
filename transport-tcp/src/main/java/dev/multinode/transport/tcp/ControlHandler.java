package dev.multinode.transport.tcp;

import java.nio.channels.SelectionKey;

/** Reacts to one channel registered with the {@link ControlLoop}; runs on the control thread only. */
interface ControlHandler {

    /**
     * Handles the channel's readiness. Handles its own I/O failures.
     *
     * @param key the channel's key with the control selector
     */
    void onReady(SelectionKey key);
}
