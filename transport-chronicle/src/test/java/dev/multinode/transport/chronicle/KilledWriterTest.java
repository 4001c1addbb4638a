package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant killed while it appends to another's inbox holds that inbox's write lock in the
 * queue's files; the other writers get through once Chronicle breaks the dead process's lock.
 */
class KilledWriterTest {

    private static final int MAX_FRAME = 256;
    private static final int FROM = 2;
    private static final int TYPE = 7;

    @TempDir
    Path runDirectory;

    @TempDir
    Path logs;

    @Test
    void aWriterKilledInTheMiddleOfAnAppendHoldsTheOthersUpForTheLockTimeoutOnly() throws Exception {
        Path folder = runDirectory.resolve("inbox");
        try (Inbox inbox = Inbox.open(folder, MAX_FRAME);
             ChildJvm holder = ChildJvm.start(false, new ChronicleTransportProvider().jvmFlags(), Map.of(),
                     logs.resolve("holder.log"), LockHolderChild.class, folder.toString(), Integer.toString(MAX_FRAME))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!holder.output().contains(LockHolderChild.HOLDING)) {
                assertTrue(System.nanoTime() < deadline, "the child never took the lock; its output:\n" + holder.output());
                Thread.onSpinWait();
            }
            holder.close(); // SIGKILL, and wait until it is gone

            long start = System.nanoTime();
            inbox.append(FROM, TYPE, ByteBuffer.wrap(new byte[] {42}));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(waitedMillis < Inbox.WRITE_LOCK_TIMEOUT_MILLIS + 4_000, "the append waited " + waitedMillis + " ms");
            var tailer = inbox.createTailer();
            int[] seen = new int[3];
            ChronicleEndpoint reader = new ChronicleEndpoint(1, Runs.PARTICIPANTS, MAX_FRAME, null, tailer);
            int read = Runs.pollUntil(reader, (from, type, payload) -> {
                seen[0] = from;
                seen[1] = type;
                seen[2] = payload.get(payload.position());
            }, 1, Duration.ofSeconds(10));
            assertEquals(1, read, "the frame appended after the kill");
            assertEquals(FROM, seen[0]);
            assertEquals(TYPE, seen[1]);
            assertEquals(42, seen[2]);
            tailer.close();
        }
    }
}
