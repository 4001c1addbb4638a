package dev.multinode.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@link NodeClassArchive} that need no second JVM; the examples module's test maps a real one. */
class NodeClassArchiveTest {

    @TempDir
    Path folder;

    @Test
    void jarsComeFirstAndEachGroupKeepsItsOrder() throws IOException {
        String classes = Files.createDirectory(folder.resolve("classes")).toString();
        String testClasses = Files.createDirectory(folder.resolve("test-classes")).toString();
        String first = Files.createFile(folder.resolve("first.jar")).toString();
        String second = Files.createFile(folder.resolve("second.jar")).toString();
        String missing = folder.resolve("missing.jar").toString();

        assertEquals(List.of(first, second, testClasses, classes, missing),
                NodeClassArchive.jarsFirst(List.of(testClasses, first, classes, missing, second)));
    }

    @Test
    void aRuntimeBuiltIntoAFolderStartsNodesWithoutAnArchive() throws IOException {
        // this module's tests load the runtime from target/classes, which the JDK cannot archive
        String jar = Files.createFile(folder.resolve("library.jar")).toString();

        assertEquals(List.of(), NodeClassArchive.flags(folder, List.of(jar), "tcp", List.of()));
        assertEquals(List.of(), fileNames(folder), "no training was attempted");
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".jar")).toList();
        }
    }
}
