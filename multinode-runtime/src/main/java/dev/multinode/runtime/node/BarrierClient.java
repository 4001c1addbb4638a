package dev.multinode.runtime.node;

import dev.multinode.BarrierFailedException;
import dev.multinode.RunAbortedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * A node's side of the conductor's barriers: it sends ENTER and waits for the conductor's verdict,
 * which the node's receiver thread delivers. The wait spins briefly, then parks; the receiver unparks
 * the waiter, so a barrier costs little CPU and little latency.
 */
final class BarrierClient {

    /** Beyond the barrier's own timeout, how long to wait for the conductor's verdict. */
    private static final long CONDUCTOR_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final NodeControl control;
    private final ConductorLink link;
    private final IdleStrategy idle = IdleStrategies.coordinator();

    private volatile Thread waiter;
    private volatile String releasedBarrier;
    private volatile String failure;

    BarrierClient(NodeControl control, ConductorLink link) {
        this.control = control;
        this.link = link;
    }

    void enter(Duration timeout, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("enterBarrier needs at least one barrier name");
        }
        for (String name : names) {
            enter(name, timeout);
        }
    }

    private void enter(String name, Duration timeout) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A barrier needs a non-empty name");
        }
        control.checkNotAborted();
        releasedBarrier = null;
        failure = null;
        waiter = Thread.currentThread();
        control.stepIntoBarrier(name);
        try {
            link.sendEnter(name, timeout.toMillis());
            long deadline = System.nanoTime() + timeout.toNanos() + CONDUCTOR_GRACE_NANOS;
            idle.reset();
            while (true) {
                String released = releasedBarrier;
                if (released != null && released.equals(name)) {
                    control.stepPastBarrier(name);
                    return;
                }
                String failed = failure;
                if (failed != null) {
                    throw new BarrierFailedException(failed);
                }
                if (Thread.interrupted() || control.isAborted()) {
                    throw new RunAbortedException(control.abortReason("while waiting at barrier '" + name + "'"));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new BarrierFailedException("Barrier '" + name + "' on " + control.role()
                            + ": no verdict from the conductor within " + (timeout.toMillis() + 10_000) + " ms");
                }
                idle.idle();
            }
        } finally {
            waiter = null;
        }
    }

    void released(String name) {
        releasedBarrier = name;
        wake();
    }

    void failed(String message) {
        failure = message;
        wake();
    }

    void wake() {
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
