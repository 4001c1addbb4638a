package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.testkit.ChildJvm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holds an inbox's write lock in the queue's files while this one appends: a
 * holder killed in the middle of its append is overcome in about the lock timeout, a live one that
 * is only slow is waited for.
 */
class KilledWriterTest {

    private static final int MAX_FRAME = 256;
    private static final int FROM = 2;
    private static final int TYPE = 7;
    private static final long SLOW_HOLDER_MILLIS = 2_500;

    @TempDir
    Path runDirectory;

    @TempDir
    Path logs;

    @Test
    void aWriterKilledInTheMiddleOfAnAppendHoldsTheOthersUpForTheLockTimeoutOnly() throws Exception {
        Path folder = runDirectory.resolve("inbox");
        try (Inbox inbox = Inbox.open(folder, MAX_FRAME, false); ChildJvm holder = holdLock(folder, "forever")) {
            holder.close(); // SIGKILL, and wait until it is gone

            long waited = timedAppend(inbox);

            assertTrue(waited < Inbox.WRITE_LOCK_TIMEOUT_MILLIS + 4_000, "the append waited " + waited + " ms");
            expectFrames(inbox, TYPE); // the killed holder's half-written document is no frame
        }
    }

    @Test
    void aLiveWriterThatHoldsTheLockLongerThanTheTimeoutIsWaitedFor() throws Exception {
        Path folder = runDirectory.resolve("inbox");
        try (Inbox inbox = Inbox.open(folder, MAX_FRAME, false);
             ChildJvm holder = holdLock(folder, Long.toString(SLOW_HOLDER_MILLIS))) {
            long waited = timedAppend(inbox);

            assertTrue(waited > Inbox.WRITE_LOCK_TIMEOUT_MILLIS, "the append waited only " + waited + " ms");
            assertEquals(0, holder.await(Duration.ofSeconds(30)), "the holder's exit code; its output:\n" + holder.output());
            expectFrames(inbox, LockHolderChild.HOLDER_TYPE, TYPE);
        }
    }

    /** Starts a child that takes the inbox's write lock, and waits until it has. */
    private ChildJvm holdLock(Path folder, String holdMillis) throws IOException {
        ChildJvm holder = ChildJvm.builder(LockHolderChild.class).flags(new ChronicleTransportProvider().jvmFlags())
                .arguments(folder.toString(), Integer.toString(MAX_FRAME), holdMillis).start(logs.resolve("holder.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!holder.output().contains(LockHolderChild.HOLDING)) {
            assertTrue(System.nanoTime() < deadline, "the child never took the lock; its output:\n" + holder.output());
            Thread.onSpinWait();
        }
        return holder;
    }

    private static long timedAppend(Inbox inbox) {
        long start = System.nanoTime();
        inbox.append(FROM, TYPE, ByteBuffer.wrap(new byte[] {42}));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Reads the inbox with an endpoint's tailer: frames of these types arrive, in this order. */
    private static void expectFrames(Inbox inbox, int... types) {
        var tailer = inbox.createTailer();
        List<Integer> seen = new ArrayList<>();
        ChronicleEndpoint reader = new ChronicleEndpoint(1, Runs.PARTICIPANTS, MAX_FRAME, null, tailer, null);
        Runs.pollUntil(reader, (from, type, payload) -> {
            seen.add(type);
            if (type == TYPE) {
                assertEquals(FROM, from);
                assertEquals(42, payload.get(payload.position()));
            }
        }, types.length, Duration.ofSeconds(10));
        tailer.close();
        assertEquals(Arrays.stream(types).boxed().toList(), seen);
    }
}
