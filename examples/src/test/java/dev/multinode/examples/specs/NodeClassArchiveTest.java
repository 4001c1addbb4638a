package dev.multinode.examples.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process nodes map the class-data archive the runtime records for them: here the runtime comes
 * from its jar, as in any project that depends on it. The JVM's class-loading log says where each
 * class came from.
 */
class NodeClassArchiveTest {

    private static final Path ARCHIVES = Path.of(System.getProperty("multinode.runDir", "target/multinode"))
            .toAbsolutePath().resolve("class-archives");

    @TempDir
    Path logs;

    @Test
    void processNodesLoadTheRuntimeAndTheTransportFromTheArchive() throws IOException {
        runTwoNodes("first");
        List<Path> archives = archives();
        assertTrue(archives.stream().anyMatch(archive -> archive.getFileName().toString().startsWith("tcp-")),
                "no tcp archive in " + ARCHIVES + ": " + archives);
        String loaded = classLogs("first");
        assertTrue(loaded.contains("dev.multinode.runtime.node.NodeRuntime source: shared objects file"), loaded);
        assertTrue(loaded.contains("dev.multinode.transport.tcp.TcpEndpoint source: shared objects file"), loaded);

        List<FileTime> before = modified(archives);
        runTwoNodes("second");
        assertEquals(before, modified(archives), "the second run recorded the archives again");
        assertTrue(classLogs("second").contains("dev.multinode.runtime.node.NodeRuntime source: shared objects file"));
    }

    /** Each node JVM logs where every class it loads comes from, to a file of its own (%p: its pid). */
    private void runTwoNodes(String run) {
        MultiNode.spec("node-a", "node-b").transport("tcp").launch(LaunchMode.PROCESS)
                .jvmArgs("-Xlog:class+load=info:file=" + logs.resolve(run + "-%p.log"))
                .run(node -> node.enterBarrier("up"));
    }

    private String classLogs(String run) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(run + "-")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(ARCHIVES)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    private static List<FileTime> modified(List<Path> archives) throws IOException {
        List<FileTime> times = new ArrayList<>();
        for (Path archive : archives) {
            times.add(Files.getLastModifiedTime(archive));
        }
        return times;
    }
}
