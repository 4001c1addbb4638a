package dev.multinode.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for one measurement (a raw baseline's queues and child's log, the histograms a
 * body writes), deleted with everything in it on close.
 */
final class TempFolder implements AutoCloseable {

    private final Path path;

    private TempFolder(Path path) {
        this.path = path;
    }

    /**
     * @param prefix the start of the folder's name
     * @return a new, empty folder under {@code java.io.tmpdir}
     * @throws IOException if it cannot be created
     */
    static TempFolder create(String prefix) throws IOException {
        return new TempFolder(Files.createTempDirectory(prefix));
    }

    /** @return the folder */
    Path path() {
        return path;
    }

    /**
     * Deletes the folder, deepest entries first.
     *
     * @throws UncheckedIOException naming the folder if something in it cannot be deleted
     */
    @Override
    public void close() {
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) entries.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark's temporary folder " + path, e);
        }
    }
}
