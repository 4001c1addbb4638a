package dev.multinode.transport.chronicle;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a test main class in a second JVM with given JVM flags, launched the way Surefire runs this
 * JVM (this module and its modular dependencies on the module path, the test classes patched in,
 * the jars that no module requires, such as Chronicle's posix and JNA, on the class path), or with
 * everything on the class path. Output goes to a file.
 */
final class ChildJvm implements AutoCloseable {

    private static final String MODULE = ChildJvm.class.getModule().getName();

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param modulePath  true for the module path, false for the class path
     * @param flags       JVM flags, each one argument
     * @param environment changes to the child's environment; a null value removes the variable
     * @param output      file for the child's stdout and stderr
     * @param main        the main class, from this test module
     * @param args        its arguments
     */
    static ChildJvm start(boolean modulePath, List<String> flags, Map<String, String> environment, Path output,
                          Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        String mainModulePath = System.getProperty("jdk.module.path");
        if (modulePath && mainModulePath != null) {
            command.addAll(List.of("--module-path", mainModulePath,
                    "--class-path", System.getProperty("java.class.path"),
                    "--patch-module", MODULE + "=" + testClasses(),
                    "--module", MODULE + "/" + main.getName()));
        } else {
            command.addAll(List.of("--class-path", classPath(mainModulePath), main.getName()));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new ChildJvm(builder.start(), output);
    }

    /** The child's whole class path: the main module path if any, the test classes, this class path. */
    private static String classPath(String mainModulePath) {
        List<String> entries = new ArrayList<>();
        if (mainModulePath != null) {
            entries.add(mainModulePath);
        }
        entries.add(testClasses().toString());
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    /** The folder holding this test class, found from its own resource. */
    private static Path testClasses() {
        String resource = ChildJvm.class.getName().replace('.', '/') + ".class";
        try {
            Path file = Path.of(ChildJvm.class.getResource("/" + resource).toURI());
            Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the child to exit.
     *
     * @return its exit code
     * @throws AssertionError if it is still running after {@code seconds}
     */
    int await(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM still running after " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** @return what the child printed so far */
    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Kills the child if it still runs, and waits a bounded time for it to go. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
