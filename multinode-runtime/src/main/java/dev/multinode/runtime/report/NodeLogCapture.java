package dev.multinode.runtime.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.MDC;

/**
 * Thread mode's answer to a process's own standard streams: while a run is on, what a node's threads
 * print to {@code System.out} or {@code System.err} goes to that node's log, and what every other
 * thread prints goes to the original stream unchanged.
 *
 * <p>A thread belongs to a node when it, or the thread that created it, {@linkplain #enter entered}
 * the node (an inheritable marker, so the receiver, executor and delay threads, and any thread the
 * body starts, follow the body thread); failing that, when its SLF4J MDC {@code role} names a node of
 * exactly one run in progress. The JVM's streams are replaced while at least one run captures and
 * put back when the last one closes, so runs may nest or overlap in one JVM.
 */
public final class NodeLogCapture implements AutoCloseable {

    /** Which node's log the current thread writes to. */
    private record Route(NodeLogCapture run, PrintStream log) {
    }

    private static final InheritableThreadLocal<Route> ROUTE = new InheritableThreadLocal<>();
    private static final List<NodeLogCapture> RUNS = new CopyOnWriteArrayList<>();
    private static final Object INSTALL = new Object();
    private static int installed;
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static PrintStream routedOut;
    private static PrintStream routedErr;

    private final Map<String, PrintStream> logs;
    private volatile boolean open = true;

    private NodeLogCapture(Map<String, PrintStream> logs) {
        this.logs = Map.copyOf(logs);
    }

    /**
     * Starts capturing for one run. The capture owns the logs and closes them when it closes.
     *
     * @param logs each node's log, by role
     * @return the capture, to {@link #close} when the run's nodes have stopped
     */
    public static NodeLogCapture start(Map<String, PrintStream> logs) {
        NodeLogCapture run = new NodeLogCapture(logs);
        synchronized (INSTALL) {
            if (installed++ == 0) {
                MDC.get("role"); // binds SLF4J now: its start-up warnings must not re-enter the routing streams
                originalOut = System.out;
                originalErr = System.err;
                routedOut = new RoutingPrintStream(originalOut);
                routedErr = new RoutingPrintStream(originalErr);
                System.setOut(routedOut);
                System.setErr(routedErr);
            }
            RUNS.add(run);
        }
        return run;
    }

    /**
     * Makes the calling thread, and every thread it starts from now on, write to the log of
     * {@code role}. Call first thing on the node's body thread.
     *
     * @param role a role of this run
     */
    public void enter(String role) {
        PrintStream log = logs.get(role);
        if (log == null) {
            throw new IllegalArgumentException("Unknown role '" + role + "': this run captures " + logs.keySet());
        }
        ROUTE.set(new Route(this, log));
    }

    /**
     * @return the log the calling thread writes to, or null if it belongs to no node of a run in
     *     progress
     */
    static PrintStream logOfCurrentThread() {
        Route route = ROUTE.get();
        if (route != null) {
            // a thread that outlived its run writes to the original stream, never to a later run's log
            return route.run.open ? route.log : null;
        }
        return RUNS.isEmpty() ? null : logOfMdcRole();
    }

    private static PrintStream logOfMdcRole() {
        String role = MDC.get("role");
        if (role == null) {
            return null;
        }
        PrintStream found = null;
        for (NodeLogCapture run : RUNS) {
            PrintStream log = run.open ? run.logs.get(role) : null;
            if (log != null) {
                if (found != null) {
                    return null; // two runs in progress have this role: the thread's run is unknown
                }
                found = log;
            }
        }
        return found;
    }

    /** Stops capturing for this run and closes its logs; the last run to close puts the JVM's streams back. */
    @Override
    public void close() {
        synchronized (INSTALL) {
            if (!open) {
                return;
            }
            open = false;
            RUNS.remove(this);
            if (--installed == 0) {
                // Someone who replaced the streams after us keeps them; ours then just pass everything through.
                if (System.out == routedOut) {
                    System.setOut(originalOut);
                }
                if (System.err == routedErr) {
                    System.setErr(originalErr);
                }
                originalOut = null;
                originalErr = null;
                routedOut = null;
                routedErr = null;
            }
        }
        logs.values().forEach(PrintStream::close);
    }
}
