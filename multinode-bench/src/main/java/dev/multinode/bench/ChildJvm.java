package dev.multinode.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The far end of a two-process raw baseline: a JVM started from this JVM's Java, class path and
 * module path, running one of this package's echo mains. Its output goes to a log file, quoted when
 * it fails. Its standard input stays open for as long as this handle does: the child stops when it
 * reads end of stream ({@link ParentWatch}), so it also stops if this JVM dies.
 */
final class ChildJvm implements AutoCloseable {

    private static final long STOP_MILLIS = 5_000;
    private static final int LAST_LINES = 20;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the child.
     *
     * @param main      the class whose {@code main} the child runs
     * @param jvmFlags  flags before the class path, such as a transport's module access
     * @param arguments the main's arguments
     * @param log       where the child's standard output and error go
     * @return the running child
     * @throws IOException if it cannot be started
     */
    static ChildJvm start(Class<?> main, List<String> jvmFlags, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(main.getSimpleName(), process, log);
    }

    /**
     * What this package's class loaders see (a program run by {@code mvn exec:java} lives in one),
     * then this JVM's module path and class path, as one class path: the echo mains need no module.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = ChildJvm.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Path.of(URI.create(url.toString())).toString());
                    }
                }
            }
        }
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Ends a wait for the child at once when it has died, or when the wait has lasted too long.
     *
     * @param deadline when the wait must end, in {@link System#nanoTime()} terms
     * @param timeout  the wait's length, for the message
     * @param what     what the child was expected to do, for the message
     * @throws IllegalStateException naming the exit code and quoting the child's last lines, or
     *     saying what the child did not do in time
     */
    void checkProgress(long deadline, Duration timeout, String what) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") exited with code "
                    + process.exitValue() + " before it would " + what + lastLines());
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not " + what + " within "
                    + timeout.toMillis() + " ms" + lastLines());
        }
    }

    /**
     * Closes the child's standard input, which tells it to stop; kills it if it has not exited
     * within {@value #STOP_MILLIS} ms, and waits a bounded time for it to be gone.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // a pipe that is already broken means the child is gone or going: the wait below covers both
        }
        try {
            if (!process.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)
                    && !process.destroyForcibly().waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                System.err.println(name + " (pid " + process.pid() + ") did not die within " + STOP_MILLIS
                        + " ms of SIGKILL");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
            return last.isEmpty() ? "; it printed nothing" : "; its last lines:\n    " + String.join("\n    ", last);
        } catch (IOException e) {
            return "; its log " + log + " cannot be read: " + e;
        }
    }
}
