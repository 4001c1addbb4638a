package dev.multinode.transport.chronicle;

import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.threads.DiskSpaceMonitor;

/**
 * Chronicle's JVM-wide helper threads: {@code background~resource~releaser}, which unmaps closed
 * files, and {@code <thread>/disk~space~checker}, which polls free disk space. The transport's JVM
 * flags keep both from starting; a JVM launched without them (an IDE run in thread mode, say) gets
 * them stopped when its last open transport closes. Stopping is safe for any other Chronicle user
 * of the JVM: after it, Chronicle releases resources in the closing thread, and disk space is no
 * longer watched.
 */
final class ChronicleThreads {

    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(5);

    /** Guarded by the class. */
    private static int openTransports;

    private ChronicleThreads() {
    }

    /** Counts a transport opened. */
    static synchronized void acquire() {
        openTransports++;
    }

    /** Counts a transport closed; the last one stops the helper threads and waits for them. */
    static synchronized void release() {
        if (--openTransports > 0) {
            return;
        }
        DiskSpaceMonitor.INSTANCE.close(); // waits for its executor to terminate
        BackgroundResourceReleaser.stop(); // releases what is pending, then ends the thread
        Thread releaser = find(BackgroundResourceReleaser.BACKGROUND_RESOURCE_RELEASER);
        if (releaser != null) {
            join(releaser);
        }
    }

    private static Thread find(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        return null;
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
