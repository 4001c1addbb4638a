package dev.multinode.runtime.launch;

import dev.multinode.runtime.conductor.NodeFreezer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pauses process nodes with SIGSTOP and resumes them with SIGCONT. The JDK sends no other signal
 * than SIGTERM and SIGKILL, and starting a {@code kill} process per signal costs milliseconds, so
 * one POSIX shell per run, started at the first pause, sends them with its built-in {@code kill},
 * answering each with the exit status. The shell is also the guard: a stopped JVM cannot notice
 * that its parent died, but the shell reads a pipe this JVM holds, and when that closes (at the
 * end of the run, or because this JVM died) it continues every node it ever stopped before it
 * exits, whereupon each node sees its own parent pipe closed and halts. No stopped process
 * outlives the run, even if this JVM is killed.
 */
final class ProcessFreezer implements NodeFreezer {

    /** Reads "SIGNAL PID" lines; on end of input continues every process it stopped. */
    private static final String SIGNALLER = "stopped=''; "
            + "while read signal pid; do kill -\"$signal\" \"$pid\" 2>/dev/null; echo $?; "
            + "if [ \"$signal\" = STOP ]; then stopped=\"$stopped $pid\"; fi; done; "
            + "for pid in $stopped; do kill -CONT \"$pid\" 2>/dev/null; done";
    private static final long STATE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STATE_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long EXIT_WAIT_SECONDS = 5;

    private final Map<String, Process> processes;
    private Process shell;
    private Writer commands;
    private BufferedReader answers;

    /** @param processes each role's current JVM, kept up to date by the launcher */
    ProcessFreezer(Map<String, Process> processes) {
        this.processes = processes;
    }

    @Override
    public synchronized void freeze(String role) {
        Process node = processes.get(role);
        signal("STOP", role, node);
        awaitState(role, node, true);
    }

    @Override
    public synchronized void thaw(String role) {
        Process node = processes.get(role);
        signal("CONT", role, node);
        awaitState(role, node, false);
    }

    /** The run is over: the shell continues every node still stopped, and exits. */
    synchronized void close() {
        if (shell == null) {
            return;
        }
        try {
            commands.close();
            if (!shell.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        } catch (IOException e) {
            shell.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shell.destroyForcibly();
        }
        shell = null;
    }

    private void signal(String signal, String role, Process node) {
        String status;
        try {
            if (shell == null) {
                startShell();
            }
            commands.write(signal + " " + node.pid() + "\n");
            commands.flush();
            status = answers.readLine();
        } catch (IOException e) {
            throw new IllegalStateException("pausing a process node needs a POSIX shell (sh) with kill: " + e.getMessage(), e);
        }
        if (!"0".equals(status)) {
            throw new IllegalStateException("SIG" + signal + " to " + role + " (pid " + node.pid() + ") failed"
                    + (status == null ? ": the signalling shell ended" : " with status " + status
                    + (node.isAlive() ? "" : ": the process is gone")));
        }
    }

    private void startShell() throws IOException {
        shell = new ProcessBuilder("sh", "-c", SIGNALLER).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        commands = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.US_ASCII);
        answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
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
