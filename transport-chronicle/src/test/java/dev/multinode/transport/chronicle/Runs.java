package dev.multinode.transport.chronicle;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.TransportContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/** Contexts and bounded polling for the tests. */
final class Runs {

    /** Participants of most tests: the conductor and two nodes. */
    static final List<String> PARTICIPANTS = List.of("conductor", "node-a", "node-b");
    static final int CONDUCTOR = 0;
    static final int NODE_A = 1;
    static final int NODE_B = 2;

    private Runs() {
    }

    static TransportContext context(Path runDirectory, int maxFrameSize) {
        return context(runDirectory, PARTICIPANTS, maxFrameSize);
    }

    static TransportContext context(Path runDirectory, List<String> participants, int maxFrameSize) {
        return new TransportContext("run-1", runDirectory, participants, maxFrameSize, LaunchMode.PROCESS,
                "secret", Map.of());
    }

    /** @return the names of the live threads of this JVM */
    static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.add(thread.getName());
        }
        return names;
    }

    /**
     * Polls until {@code count} frames have arrived or the timeout passes, parking briefly when idle.
     *
     * @return how many frames arrived
     */
    static int pollUntil(Endpoint endpoint, FrameReceiver receiver, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int received = 0;
        while (received < count && System.nanoTime() - deadline < 0) {
            int polled = endpoint.poll(receiver, count - received);
            received += polled;
            if (polled == 0) {
                LockSupport.parkNanos(50_000);
            }
        }
        return received;
    }
}
