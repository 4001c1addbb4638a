package dev.multinode.runtime.launch;

import dev.multinode.runtime.report.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Prefixes every line a node prints with the time and its role ({@link LogLine}), so that its log
 * and the merged log read line by line. Thread-safe: lines of different threads never interleave.
 */
final class RoleLineStream extends OutputStream {

    private final OutputStream target;
    private volatile String role;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    RoleLineStream(OutputStream target, String role) {
        this.target = target;
        this.role = role;
    }

    /** @param label what the lines carry from now on: a restarted role's new incarnation */
    void relabel(String label) {
        this.role = label;
    }

    /**
     * @param role        a role
     * @param incarnation its incarnation
     * @return what its lines carry: the role, and {@code #N} after it from the first restart on
     */
    static String label(String role, int incarnation) {
        return incarnation == 0 ? role : role + "#" + incarnation;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    /** Writes out a last line without a line end, then closes the target. */
    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        String prefix = LogLine.prefix(Instant.now(), role);
        target.write(prefix.getBytes(StandardCharsets.UTF_8));
        line.writeTo(target);
        target.write('\n');
        line.reset();
    }
}
