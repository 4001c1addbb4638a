package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steady-state send and poll allocate (almost) nothing per frame. */
class AllocationTest {

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 50_000;
    /** Generous: a few bytes per frame at most, where one object per frame would be 16 or more. */
    private static final long MAX_BYTES = 4L * MEASURED;

    @TempDir
    Path runDirectory;

    @Test
    void sendAndPollAllocateAlmostNothingPerFrame() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] sum = {0};
        FrameReceiver receiver = (from, type, payload) -> sum[0] += payload.getLong(payload.position());
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(Runs.NODE_A);
            Endpoint b = transport.endpoint(Runs.NODE_B);
            ByteBuffer payload = ByteBuffer.allocateDirect(32);
            exchange(a, b, payload, receiver, 0, WARM_UP);
            long before = threads.getThreadAllocatedBytes(thread);
            exchange(a, b, payload, receiver, WARM_UP, MEASURED);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            System.out.printf("allocated %d bytes over %d frames (%.3f bytes per frame)%n",
                    allocated, MEASURED, (double) allocated / MEASURED);
            assertTrue(allocated <= MAX_BYTES, allocated + " bytes allocated over " + MEASURED + " frames");
            long frames = WARM_UP + MEASURED;
            assertEquals(frames * (frames - 1) / 2, sum[0], "payloads delivered");
        }
    }

    /** Sends frames numbered from {@code first} from a to b, polling each right after it is sent. */
    private static void exchange(Endpoint a, Endpoint b, ByteBuffer payload, FrameReceiver receiver,
                                 long first, int frames) {
        for (int i = 0; i < frames; i++) {
            payload.putLong(0, first + i);
            a.send(Runs.NODE_B, 1, payload);
            if (b.poll(receiver, 1) != 1) {
                throw new AssertionError("frame " + i + " not readable right after it was sent");
            }
        }
    }
}
