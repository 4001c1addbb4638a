package dev.multinode.runtime.node;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * The debugged node's sign of life to the conductor: a daemon thread sends a HEARTBEAT every
 * {@value #PERIOD_MILLIS} ms. A debugger that suspends the node's threads (a breakpoint with the
 * suspend policy "all", or the whole VM) stops it too, and the conductor does not count the time
 * the heartbeat is missing against any deadline. Nothing in the node tells it that it is suspended:
 * the missing beat is the only evidence, and it is the same in every launch mode. A debug run is
 * never simulated (a debugger suspends threads in real time), so the beat keeps the system's own
 * thread and clock rather than the run's scheduler.
 */
final class DebugHeartbeat implements Runnable {

    /** How often the heartbeat goes out. */
    static final long PERIOD_MILLIS = 100;

    private final ConductorLink link;
    private final Logger log;
    private volatile boolean stopped;

    private DebugHeartbeat(ConductorLink link, Logger log) {
        this.link = link;
        this.log = log;
    }

    /**
     * @param link   where the heartbeat goes
     * @param thread the thread's name
     * @param log    the node's log
     * @return the heartbeat, beating
     */
    static DebugHeartbeat start(ConductorLink link, String thread, Logger log) {
        DebugHeartbeat heartbeat = new DebugHeartbeat(link, log);
        Thread beating = new Thread(heartbeat, thread);
        beating.setDaemon(true);
        beating.start();
        return heartbeat;
    }

    @Override
    public void run() {
        long period = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        try {
            while (!stopped) {
                link.sendHeartbeat();
                LockSupport.parkNanos(this, period); // the beat's period, not a wait for a condition
            }
        } catch (RuntimeException endpointGone) {
            if (!stopped) { // a kill closes the endpoint under it; anything else leaves the run's time standing
                log.warn("The debug heartbeat stopped: {}", endpointGone.toString());
            }
        }
    }

    /** The node's life is over: no more beats (the thread ends within a period). */
    void stop() {
        stopped = true;
    }
}
