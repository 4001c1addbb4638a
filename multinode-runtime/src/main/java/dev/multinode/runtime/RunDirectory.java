package dev.multinode.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The folder of one run: {@code <runRoot>/<fully qualified test class>/<test method or spec name>/<run id>}.
 */
final class RunDirectory {

    private static final int CREATE_ATTEMPTS = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunDirectory() {
    }

    static String newRunId() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDateTime.now().format(STAMP) + "-" + HexFormat.of().formatHex(random);
    }

    static Path create(Path runRoot, String testClass, String name, String runId) {
        Path folder = runRoot.resolve(safe(testClass)).resolve(safe(name)).resolve(runId);
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createDirectories(folder);
            } catch (NoSuchFileException e) {
                // a passing run of the same test just deleted the parent it found empty: create it again
                if (attempt == CREATE_ATTEMPTS) {
                    throw new UncheckedIOException("Cannot create the run folder " + folder, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the run folder " + folder, e);
            }
        }
    }

    /**
     * A name becomes one plain folder name: never empty, never {@code .} or {@code ..}. What class
     * names are made of (letters, digits, {@code _ $ .}) is kept, so that a test class's folder, named
     * after its fully qualified name, is its own.
     */
    private static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._$-]", "_");
        return cleaned.replace(".", "").isEmpty() ? "_" + cleaned : cleaned;
    }

    /** Deletes the run folder, and its name and test class folders if they are left empty. */
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
        try {
            Path nameFolder = folder.getParent();
            Files.deleteIfExists(nameFolder);
            Files.deleteIfExists(nameFolder.getParent());
        } catch (DirectoryNotEmptyException e) {
            // other runs of the same test or class keep their folders
        } catch (IOException e) {
            // another run of the same test may be creating its folder right now: leave it
        }
    }
}
