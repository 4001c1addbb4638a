package dev.multinode.runtime.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A /proc tree in a folder, with lines as a little-endian Linux prints them: socket tables under
 * {@code net}, and descriptor links under {@code <pid>/fd}.
 */
final class FakeProc {

    static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode";
    static final String TCP6_HEADER = "  sl  local_address                         remote_address                       "
            + " st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    /** A table line of an entry: its two ends as the kernel prints them, its state, its inode. */
    static String entry(int slot, String local, String remote, String state, long inode) {
        return String.format("%4d: %s %s %s 00000000:00000000 00:00000000 00000000  1000        0 %d 1"
                + " 0000000000000000 20 4 30 10 -1", slot, local, remote, state, inode);
    }

    FakeProc table(String name, String header, String... entries) {
        try {
            Files.createDirectories(root.resolve("net"));
            Files.writeString(root.resolve("net").resolve(name), header + "\n" + String.join("\n", entries) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Process {@code pid} holds these descriptors, each a link to its target ({@code socket:[inode]}, {@code pipe:[7]}). */
    FakeProc process(long pid, String... targets) {
        try {
            Path fds = Files.createDirectories(root.resolve(Long.toString(pid)).resolve("fd"));
            for (int fd = 0; fd < targets.length; fd++) {
                Files.createSymbolicLink(fds.resolve(Integer.toString(fd)), Path.of(targets[fd]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
