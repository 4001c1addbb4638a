package dev.multinode.runtime.launch;

import dev.multinode.runtime.conductor.NodeFreezer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pauses process nodes with SIGSTOP and resumes them with SIGCONT, sent by the POSIX {@code kill}
 * command (the JDK can send no other signal than SIGTERM and SIGKILL). A stopped JVM cannot notice
 * that its parent died, so each frozen node gets a guard: a shell waiting on a pipe this JVM holds,
 * which continues the node when the pipe closes, whereupon the node sees its own parent pipe closed
 * and halts. No stopped process outlives this JVM, even if it is killed.
 */
final class ProcessFreezer implements NodeFreezer {

    private static final long SIGNAL_WAIT_MILLIS = 5_000;
    private static final long STATE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STATE_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Map<String, Process> processes;
    private final Map<String, Process> guards = new HashMap<>();

    /** @param processes each role's current JVM, kept up to date by the launcher */
    ProcessFreezer(Map<String, Process> processes) {
        this.processes = processes;
    }

    @Override
    public synchronized void freeze(String role) {
        Process node = processes.get(role);
        guards.put(role, guard(node));
        signal("STOP", role, node);
        awaitState(role, node, true);
    }

    @Override
    public synchronized void thaw(String role) {
        Process node = processes.get(role);
        signal("CONT", role, node);
        awaitState(role, node, false);
        Process guard = guards.remove(role);
        if (guard != null) {
            guard.destroyForcibly();
        }
    }

    /** A frozen node is about to die of SIGKILL, which ends a stopped process too: its guard goes. */
    synchronized void killed(String role) {
        Process guard = guards.remove(role);
        if (guard != null) {
            guard.destroyForcibly();
        }
    }

    /** Continues every node still frozen: the run is over. */
    synchronized void close() {
        for (String role : List.copyOf(guards.keySet())) {
            try {
                thaw(role);
            } catch (IllegalStateException e) {
                // the node is killed next either way; a stopped process dies of SIGKILL too
                guards.remove(role).destroyForcibly();
            }
        }
    }

    private static Process guard(Process node) {
        try {
            return new ProcessBuilder("sh", "-c", "read ignored; kill -CONT " + node.pid())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("pausing a process node needs a POSIX shell (sh): " + e.getMessage(), e);
        }
    }

    private static void signal(String signal, String role, Process node) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(SIGNAL_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + node.pid() + " did not return within "
                        + SIGNAL_WAIT_MILLIS + " ms");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + node.pid() + " (" + role + ") failed: "
                        + new String(kill.getInputStream().readAllBytes()).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("pausing a process node needs the POSIX kill command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + role, e);
        }
    }

    /**
     * A signal is delivered asynchronously: where Linux shows the process state, wait until the
     * node is seen stopped (or running again), so that the fault is in force when the call returns.
     */
    private static void awaitState(String role, Process node, boolean stopped) {
        Path stat = Path.of("/proc", Long.toString(node.pid()), "stat");
        if (!Files.isReadable(stat)) {
            return;
        }
        long deadline = System.nanoTime() + STATE_WAIT_NANOS;
        while (isStopped(stat) != stopped) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(role + " (pid " + node.pid() + ") is not " + (stopped ? "stopped" : "running")
                        + " " + TimeUnit.NANOSECONDS.toMillis(STATE_WAIT_NANOS) + " ms after the signal");
            }
            LockSupport.parkNanos(STATE_POLL_NANOS);
        }
    }

    /** The state is the field after the command name, which ends with the last ')'. */
    private static boolean isStopped(Path stat) {
        try {
            String line = Files.readString(stat);
            char state = line.charAt(line.lastIndexOf(')') + 2);
            return state == 'T' || state == 't';
        } catch (IOException e) {
            return false; // the process is gone: it is not stopped
        }
    }
}
