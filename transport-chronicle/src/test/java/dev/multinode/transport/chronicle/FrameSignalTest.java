package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameSignalTest {

    /** Far longer than any of these waits may take when they have a reason to end. */
    private static final long LONG_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final FrameSignal signal = new FrameSignal();

    @Test
    void aReaderBehindTheSendersDoesNotSleep() {
        signal.appended();
        assertReturnsSoon(() -> signal.await(0, LONG_NANOS));
    }

    @Test
    void anAppendDuringTheSleepEndsIt() throws Exception {
        signal.appended();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(signal::appended);
        assertReturnsSoon(() -> signal.await(1, LONG_NANOS)); // may return early, never late
        sender.get(10, TimeUnit.SECONDS);
    }

    private static void assertReturnsSoon(Runnable wait) {
        long start = System.nanoTime();
        wait.run();
        assertTrue(System.nanoTime() - start < BOUND_NANOS, "the wait ended when it had a reason to");
    }
}
