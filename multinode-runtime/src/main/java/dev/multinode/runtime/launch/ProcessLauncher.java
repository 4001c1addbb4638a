package dev.multinode.runtime.launch;

import dev.multinode.runtime.conductor.NodeStarter;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.settings.ForwardedProperties;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every node in a JVM of its own, started in parallel from this JVM's class path and module
 * path. Each child's output goes to {@code <run folder>/<role>.log}, never to this JVM's streams;
 * a restarted role's next incarnation appends to the same log. A child that dies is reported to
 * the conductor at once; a child whose parent dies exits by itself. Pauses stop and continue a
 * child's JVM ({@link ProcessFreezer}).
 */
public final class ProcessLauncher implements NodeLauncher, NodeStarter {

    /** The node settings file in the launch folder. */
    static final String SPEC_FILE = "node.properties";
    /** The serialized body in the launch folder. */
    static final String BODY_FILE = "body.ser";
    /** The test JVM's forwarded system properties in the launch folder, a {@code java @file}. */
    static final String FORWARDED_FILE = "forwarded-properties.args";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessLauncher.class);
    private static final int LAST_LINES = 20;
    private static final long KILL_WAIT_SECONDS = 10;

    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final List<String> stragglers = new ArrayList<>();
    private final ProcessFreezer freezer = new ProcessFreezer(processes);
    private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
    private RunContext run;
    private volatile boolean over;

    @Override
    public void launch(RunContext run) throws IOException {
        this.run = run;
        Path folder = Files.createDirectories(run.runDirectory().resolve("launch"));
        Files.write(folder.resolve(BODY_FILE), run.body());
        ChildSpec.of(run).write(folder.resolve(SPEC_FILE));
        run.conductor().processKiller(this::kill);
        run.conductor().nodeStarter(this);
        run.conductor().nodeFreezer(freezer);
        List<String> forwarded = new ArrayList<>();
        ForwardedProperties.of(System.getProperties()).forEach((key, value) -> forwarded.add("-D" + key + "=" + value));
        String forwardedFile = ArgumentFile.write(folder.resolve(FORWARDED_FILE), forwarded);
        for (String role : run.settings().roles()) {
            commands.put(role, command(run, folder, role, forwardedFile));
        }
        for (String role : run.settings().roles()) {
            logs.put(role, run.runDirectory().resolve(role + ".log"));
            spawn(role, 0);
        }
    }

    private void spawn(String role, int incarnation) throws IOException {
        Path log = logs.get(role);
        List<String> roleCommand = new ArrayList<>(commands.get(role));
        roleCommand.addAll(1, DebugAgent.flags(run.settings().debug(), role));
        roleCommand.add(role);
        roleCommand.add(Integer.toString(incarnation));
        Process process = new ProcessBuilder(roleCommand)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.put(role, process);
        String label = RoleLineStream.label(role, incarnation);
        process.onExit().thenAccept(exited -> {
            if (!over) {
                run.conductor().nodeDied(role, incarnation, label + " died with exit code " + exited.exitValue()
                        + lastLines(log));
            }
        });
    }

    /** A JVM killed with SIGKILL leaves nothing its successor needs. */
    @Override
    public void prepare(String role) {
        // nothing to keep
    }

    /** Starts a restarted role's next JVM off the conductor's thread; its log goes on in the same file. */
    @Override
    public CompletableFuture<Void> start(String role, int incarnation) {
        return CompletableFuture.runAsync(() -> {
            if (over) {
                throw new IllegalStateException("the run is over");
            }
            try {
                spawn(role, incarnation);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "multinode-restart-" + role);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * The transport's flags and the node defaults the user's arguments leave, then the test JVM's
     * forwarded properties (from an argument file), every node's JVM arguments and the role's, and
     * the role's properties last: a later {@code -D} of the same key wins, so the more specific
     * setting does.
     */
    private static List<String> command(RunContext run, Path folder, String role, String forwardedFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> classPath = NodeClassArchive.jarsFirst(classPath(run.bodyClassLoader()));
        List<String> userArgs = new ArrayList<>(run.settings().jvmArgs());
        userArgs.addAll(run.settings().roleJvmArgs().getOrDefault(role, List.of()));
        List<String> flags = new ArrayList<>(run.provider().jvmFlags());
        flags.addAll(NodeJvmDefaults.keptBy(userArgs));
        command.addAll(flags);
        command.add("-Xshare:auto");
        command.addAll(NodeClassArchive.flags(run.settings().runRoot(), classPath, run.settings().transport(), flags));
        command.add(forwardedFile);
        command.addAll(userArgs);
        run.settings().roleSystemProperties().getOrDefault(role, Map.of())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(NodeMain.class.getName());
        command.add(folder.toString());
        return command;
    }

    /**
     * The parent's module path, patched modules and class path, flattened into one class path, plus
     * what the body's class loaders see (a program run by {@code mvn exec:java} lives in one): the
     * children run every module as part of the unnamed module, where ServiceLoader finds the
     * providers through META-INF/services.
     */
    static List<String> classPath(ClassLoader bodyLoader) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = bodyLoader; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(fileOf(url));
                    }
                }
            }
        }
        for (int i = 0; System.getProperty("jdk.module.patch." + i) != null; i++) {
            String patch = System.getProperty("jdk.module.patch." + i);
            addAll(entries, patch.substring(patch.indexOf('=') + 1));
        }
        addAll(entries, System.getProperty("jdk.module.path", ""));
        addAll(entries, System.getProperty("java.class.path", ""));
        return new ArrayList<>(entries);
    }

    private static String fileOf(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            return url.getPath();
        }
    }

    private static void addAll(Set<String> entries, String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
    }

    private void kill(String role) {
        Process process = processes.get(role);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} (pid {}) did not die within {} s of SIGKILL", role, process.pid(), KILL_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
            return last.isEmpty() ? "; it printed nothing" : "; its last lines:\n    " + String.join("\n    ", last);
        } catch (IOException | RuntimeException e) {
            return "; its log " + log + " cannot be read: " + e;
        }
    }

    @Override
    public Map<String, NodeOutcome> awaitNodes(Duration timeout, Set<String> givenUp) {
        long start = System.nanoTime();
        for (Map.Entry<String, Process> entry : processes.entrySet()) {
            long bound = (givenUp.contains(entry.getKey()) ? GIVEN_UP_WAIT : timeout).toNanos();
            try {
                long left = Math.max(0, start + bound - System.nanoTime());
                boolean ended = entry.getValue().waitFor(left, TimeUnit.NANOSECONDS);
                if (!ended && !givenUp.contains(entry.getKey())) { // a given-up node is killed and reported below
                    LOG.warn("{} (pid {}) is still running after the run", entry.getKey(), entry.getValue().pid());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        over = true;
        killGivenUp(givenUp);
        return Map.of();
    }

    /** Their stacks are in the failure already; nothing is lost by not waiting for them any longer. */
    private void killGivenUp(Set<String> givenUp) {
        for (String role : givenUp) {
            Process process = processes.get(role);
            if (process != null && process.isAlive()) {
                kill(role);
                stragglers.add(role + " (pid " + process.pid() + ") did not stop after the abort: killed with SIGKILL");
            }
        }
    }

    @Override
    public List<String> stragglers() {
        return List.copyOf(stragglers);
    }

    @Override
    public void close() {
        over = true;
        freezer.close();
        for (Map.Entry<String, Process> entry : processes.entrySet()) {
            Process process = entry.getValue();
            if (process.isAlive()) {
                LOG.warn("Killing {} (pid {}), still alive at the end of the run", entry.getKey(), process.pid());
                kill(entry.getKey());
            }
            closeQuietly(process);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the child is gone either way
        }
    }

    /** @return each node's log file, by role */
    public Map<String, Path> logs() {
        return Map.copyOf(logs);
    }
}
