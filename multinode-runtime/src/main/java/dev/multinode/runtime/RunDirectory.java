package dev.multinode.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The folder of one run: {@code <runRoot>/<spec name>/<run id>}. */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunDirectory() {
    }

    static String newRunId() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDateTime.now().format(STAMP) + "-" + HexFormat.of().formatHex(random);
    }

    static Path create(Path runRoot, String specName, String runId) {
        Path folder = runRoot.resolve(specName.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(runId);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run folder " + folder, e);
        }
    }

    /** Deletes the run folder, and its spec folder if that is left empty. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        Path specFolder = folder.getParent();
        try (var left = Files.list(specFolder)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(specFolder);
            }
        } catch (IOException e) {
            // another run of the same spec may be creating its folder right now: leave it
        }
    }
}
