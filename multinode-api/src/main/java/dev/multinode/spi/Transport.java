package dev.multinode.spi;

import java.io.IOException;
import java.util.Map;

/**
 * One JVM's share of a transport: it opens the endpoints of the participants that live in this JVM.
 * A transport moves opaque frames and knows nothing of barriers or faults.
 */
public interface Transport extends AutoCloseable {

    /**
     * Opens the endpoint of a participant that lives in this JVM.
     *
     * @param participant index into {@link TransportContext#participants()}
     * @return the endpoint
     * @throws IOException if it cannot be opened
     */
    Endpoint endpoint(int participant) throws IOException;

    /**
     * @return system properties a child JVM needs to open its own share (addresses, paths); they
     *     reach it through {@link TransportContext#properties()}
     */
    Map<String, String> childProperties();

    /**
     * @return where the run's threads come from, how they wait and what time they read: the
     *     system's, unless the transport simulates the run ({@code sim})
     */
    default Scheduler scheduler() {
        return Scheduler.system();
    }

    /** Closes every endpoint and releases every resource (threads, memory, sockets, files). */
    @Override
    void close();
}
