package dev.multinode.runtime.launch;

import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.runtime.settings.TransportCatalog;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application class-data archive (AppCDS) that node JVMs map at start instead of loading,
 * verifying and linking the runtime's and the transport's classes one by one: on these 2-core
 * machines that is most of a node's start-up, three JVMs at once.
 *
 * <p>The archive holds the classes of the class path's jars (the JDK archives classes from jars
 * only, and refuses to write an archive while a class path directory holds files); node JVMs get
 * the jars first and the directories after them, so that the archive's class path is a prefix of
 * theirs. It is made once per JDK, jar set (paths, sizes, times) and transport, by a training JVM
 * that runs a two-node spec in thread mode on that transport ({@link NodeClassTraining}), and kept
 * under {@code <multinode.runDir>/class-archives}; a changed jar gives a new key, so a stale archive
 * is never mapped. Any problem (an old JDK, the runtime in a directory, a failed training) only
 * costs the speed-up: nodes start without an archive, and it is logged once per key.
 * {@code -Dmultinode.classArchive=off} turns it off.
 */
final class NodeClassArchive {

    /** {@code off} disables the archive; anything else, or nothing, enables it. */
    static final String SETTING = "multinode.classArchive";

    private static final Logger LOG = LoggerFactory.getLogger(NodeClassArchive.class);
    private static final long TRAINING_TIMEOUT_SECONDS = 30;
    /** Keys whose training failed in this JVM: tried once, so a broken setup costs one run, not every run. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    private static final String FOLDER = "class-archives";
    /** Archives kept: one per transport and class path in use, with room for a few of each. */
    private static final int KEPT = 6;

    private NodeClassArchive() {
    }

    /**
     * Puts the jars of a class path before its other entries, keeping each group's order.
     *
     * @param classPath class path entries
     * @return the jars, then the rest
     */
    static List<String> jarsFirst(List<String> classPath) {
        List<String> ordered = new ArrayList<>(jars(classPath));
        classPath.stream().filter(entry -> !isJar(entry)).forEach(ordered::add);
        return ordered;
    }

    /**
     * Finds or makes the archive for node JVMs of this class path and transport.
     *
     * @param runRoot   the folder of run folders ({@code multinode.runDir})
     * @param classPath the nodes' class path, as {@link #jarsFirst} ordered it
     * @param transport the transport's name
     * @param jvmFlags  the flags every node JVM gets before the class path
     * @return the JVM flags that map the archive, or none if there is no usable archive
     */
    static List<String> flags(Path runRoot, List<String> classPath, String transport, List<String> jvmFlags) {
        if ("off".equals(System.getProperty(SETTING, "").trim())) {
            return List.of();
        }
        List<String> jars = jars(classPath);
        if (jars.isEmpty() || !runtimeComesFromAJar()) {
            return List.of();
        }
        String key;
        try {
            key = key(jars, transport, jvmFlags);
        } catch (IOException e) {
            LOG.warn("Node JVMs start without a class-data archive: cannot read the class path's jars: {}", e.toString());
            return List.of();
        }
        Path archive = runRoot.resolve(FOLDER).resolve(key + ".jsa");
        if (!Files.isRegularFile(archive) && (FAILED.contains(key) || !train(archive, jars, transport, jvmFlags))) {
            FAILED.add(key);
            return List.of();
        }
        // a mismatch the key cannot foresee only disables the archive: the node's log stays free of it
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static boolean train(Path archive, List<String> jars, String transport, List<String> jvmFlags) {
        try {
            Files.createDirectories(archive.getParent());
            Path training = Files.createTempDirectory(archive.getParent(), "training-");
            // written aside and moved into place, so that a node never maps a half-written archive
            Path written = training.resolve("archive.jsa");
            Path runs = training.resolve("runs");
            Path log = training.resolve("training.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.add("-XX:ArchiveClassesAtExit=" + written);
            command.add("-D" + RunSettings.RUN_DIR + "=" + runs);
            String chosenProviders = System.getProperty(TransportCatalog.PROVIDER);
            if (chosenProviders != null) {
                // the training run picks its transport as the nodes' parent did, among several of one name
                command.add("-D" + TransportCatalog.PROVIDER + "=" + chosenProviders);
            }
            command.add("-cp");
            command.add(String.join(File.pathSeparator, jars));
            command.add(NodeClassTraining.class.getName());
            command.add(transport);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (!exited || process.exitValue() != 0 || !Files.isRegularFile(written)) {
                // the training folder stays, with the log and the training run's folder
                LOG.warn("Node JVMs start without a class-data archive: the training JVM {}; see {}",
                        exited ? "exited with code " + process.exitValue()
                                : "did not finish within " + TRAINING_TIMEOUT_SECONDS + " s", log);
                return false;
            }
            Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            pruneOlderThanNewest(archive.getParent());
            // the training run passed, so its run folder is gone and these are all that is left
            Files.delete(log);
            Files.deleteIfExists(runs);
            Files.delete(training);
            return true;
        } catch (IOException e) {
            LOG.warn("Node JVMs start without a class-data archive: cannot make {}: {}", archive, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each rebuilt jar makes a new archive of some 10 MiB: the folder keeps only the newest few. */
    private static void pruneOlderThanNewest(Path folder) throws IOException {
        List<Path> archives;
        try (var files = Files.list(folder)) {
            archives = files.filter(file -> file.getFileName().toString().endsWith(".jsa"))
                    .sorted(Comparator.comparing(NodeClassArchive::modified).reversed()).toList();
        }
        for (Path stale : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone meanwhile: sorts last, and deleting it is a no-op
        }
    }

    /** The archive can only hold the runtime's classes if they come from a jar (not so in its own build). */
    private static boolean runtimeComesFromAJar() {
        var source = NodeClassArchive.class.getProtectionDomain().getCodeSource();
        try {
            return source != null && isJar(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> jars(List<String> classPath) {
        return classPath.stream().filter(NodeClassArchive::isJar).toList();
    }

    private static boolean isJar(String entry) {
        return entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry));
    }

    /** Everything the JDK checks before it maps an archive, and the transport, whose classes it holds. */
    private static String key(List<String> jars, String transport, List<String> jvmFlags) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), transport));
            parts.addAll(jvmFlags);
            for (String jar : jars) {
                Path path = Path.of(jar);
                parts.add(jar + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis());
            }
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return transport + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
