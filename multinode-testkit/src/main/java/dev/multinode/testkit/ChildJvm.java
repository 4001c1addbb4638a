package dev.multinode.testkit;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM started from this one's Java, running a main class of this JVM's code. Its standard output
 * and error go to a file, quoted when it fails or is late. Its standard input is a pipe that stays
 * open as long as this handle: a child that reads it to its end stops when this JVM dies.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder(EchoMain.class).flags(provider.jvmFlags()).arguments("7")
 *         .start(folder.resolve("echo.log"))) {
 *     assertEquals(0, child.await(Duration.ofSeconds(30)));
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

    private static final int LAST_LINES = 20;
    /** How long a kill may take to be done. */
    private static final long KILL_WAIT_MILLIS = 10_000;

    private final String name;
    private final Process process;
    private final Path output;
    private final Duration stopGrace;

    private ChildJvm(String name, Process process, Path output, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.stopGrace = stopGrace;
    }

    /**
     * @param main the class whose {@code main} the child runs
     * @return the child's options, to start it with
     */
    public static Builder builder(Class<?> main) {
        return new Builder(main);
    }

    /**
     * Waits for the child to exit.
     *
     * @param timeout how long to wait
     * @return its exit code
     * @throws IllegalStateException if it still runs after {@code timeout}, quoting its last lines
     * @throws InterruptedException if this thread is interrupted while it waits
     */
    public int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(this + " still runs after " + timeout.toMillis() + " ms" + lastLines());
        }
        return process.exitValue();
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
    public void checkProgress(long deadline, Duration timeout, String what) {
        if (!process.isAlive()) {
            throw new IllegalStateException(this + " exited with code " + process.exitValue() + " before it would "
                    + what + lastLines());
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(this + " did not " + what + " within " + timeout.toMillis() + " ms"
                    + lastLines());
        }
    }

    /**
     * @return what the child has printed so far
     * @throws IOException if its output file cannot be read
     */
    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** @return the processes the child started, and those they started, as they are now */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** Kills the child (SIGKILL) and waits a bounded time for it to be gone. */
    public void kill() {
        try {
            if (!process.destroyForcibly().waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                System.err.println(this + " did not die within " + KILL_WAIT_MILLIS + " ms of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the child's standard input, which tells a child that watches it to stop; kills it if
     * it has not exited within its {@linkplain Builder#stopGrace grace}.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // a pipe that is already broken means the child is gone or going: the kill below covers both
        }
        try {
            if (process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(output);
            List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
            return last.isEmpty() ? "; it printed nothing" : "; its last lines:\n    " + String.join("\n    ", last);
        } catch (IOException e) {
            return "; its output " + output + " cannot be read: " + e;
        }
    }

    /** How a child JVM is started: set what it needs, then {@link #start}. */
    public static final class Builder {

        private final Class<?> main;
        private final List<String> flags = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean modulePath;
        private Duration stopGrace = Duration.ZERO;

        private Builder(Class<?> main) {
            this.main = main;
        }

        /**
         * @param jvmFlags flags before the class or module path, each one argument (a transport's
         *                 {@code jvmFlags()}, {@code -D} settings)
         * @return this builder
         */
        public Builder flags(List<String> jvmFlags) {
            flags.addAll(jvmFlags);
            return this;
        }

        /**
         * @param values the main's arguments
         * @return this builder
         */
        public Builder arguments(String... values) {
            arguments.addAll(List.of(values));
            return this;
        }

        /**
         * @param variable a variable of the child's environment, which is otherwise this JVM's
         * @param value    its value, or null to remove it
         * @return this builder
         */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /**
         * Starts the child the way Surefire runs this JVM when it runs on the module path: the same
         * module path and class path, the same patched test classes, the main class in its module.
         * Without it, or when this JVM has no module path, the child gets one class path.
         *
         * @return this builder
         */
        public Builder modulePath() {
            modulePath = true;
            return this;
        }

        /**
         * @param grace how long {@link ChildJvm#close()} lets a child that watches its standard
         *              input stop by itself before it kills it; none by default
         * @return this builder
         */
        public Builder stopGrace(Duration grace) {
            stopGrace = grace;
            return this;
        }

        /**
         * @param output the file that gets the child's standard output and error
         * @return the running child
         * @throws IOException if it cannot be started
         */
        public ChildJvm start(Path output) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            String jvmModulePath = System.getProperty("jdk.module.path");
            if (modulePath && jvmModulePath != null && main.getModule().isNamed()) {
                String module = main.getModule().getName();
                command.addAll(List.of("--module-path", jvmModulePath, "--class-path", System.getProperty("java.class.path")));
                if (!entries(jvmModulePath).contains(mainRoot())) {
                    // test classes patched into the module they test, as Surefire runs them
                    command.addAll(List.of("--patch-module", module + "=" + mainRoot()));
                }
                command.addAll(List.of("--module", module + "/" + main.getName()));
            } else {
                command.addAll(List.of("--class-path", classPath(), main.getName()));
            }
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            environment.forEach((variable, value) -> {
                if (value == null) {
                    builder.environment().remove(variable);
                } else {
                    builder.environment().put(variable, value);
                }
            });
            return new ChildJvm(main.getSimpleName(), builder.start(), output, stopGrace);
        }

        /**
         * The main class's folder or jar, what its loaders see (a program run by
         * {@code mvn exec:java} lives in one), then this JVM's module path and class path, as one
         * class path.
         */
        private String classPath() {
            Set<String> entries = new LinkedHashSet<>();
            entries.add(mainRoot());
            for (ClassLoader loader = main.getClassLoader(); loader != null; loader = loader.getParent()) {
                if (loader instanceof URLClassLoader urls) {
                    for (URL url : urls.getURLs()) {
                        if ("file".equals(url.getProtocol())) {
                            entries.add(Path.of(URI.create(url.toString())).toString());
                        }
                    }
                }
            }
            entries.addAll(entries(System.getProperty("jdk.module.path", "")));
            entries.addAll(entries(System.getProperty("java.class.path", "")));
            return String.join(File.pathSeparator, entries);
        }

        /** The folder or jar the main class was loaded from. */
        private String mainRoot() {
            try {
                return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Cannot tell where " + main.getName() + " was loaded from", e);
            }
        }

        private static List<String> entries(String path) {
            return Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).toList();
        }
    }
}
