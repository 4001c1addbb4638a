package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once the endpoints are open and warm, sending and polling allocate nothing per frame. Measured on
 * the one thread that both sends and polls, with the JDK's per-thread allocation counter.
 */
public interface AllocationConformance extends ConformanceSuite {

    /**
     * Heap and direct payloads alternate. The bound, less than one byte per frame on average, lets
     * occasional housekeeping pass (Chronicle's queue allocates about a third of a byte per frame,
     * inproc and TCP a few hundred bytes in all) and fails an object per frame, which costs 16 bytes
     * at least.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws IOException if the transport cannot be opened
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void sendAndPollAllocateNothingPerFrame(Mode mode, @TempDir Path folder) throws IOException {
        int warmUpFrames = 50_000;
        int measuredFrames = 50_000;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] checksum = {0};
        FrameReceiver sink = (from, type, payload) -> checksum[0] += from + type + payload.get(payload.position());
        try (Endpoints endpoints = Endpoints.open(mode, 2, 1024, folder)) {
            Endpoint sender = endpoints.get(1);
            Endpoint receiver = endpoints.get(2);
            ByteBuffer heap = ByteBuffer.allocate(64).put(0, (byte) 1);
            ByteBuffer direct = ByteBuffer.allocateDirect(64).put(0, (byte) 2);

            exchange(sender, receiver, sink, heap, direct, warmUpFrames);
            threads.getThreadAllocatedBytes(thread);
            checksum[0] = 0;
            long before = threads.getThreadAllocatedBytes(thread);
            exchange(sender, receiver, sink, heap, direct, measuredFrames);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            // the margin, for a transport author who wonders how close the transport came
            System.out.printf("%s: %d bytes allocated for %d frames%n", mode, allocated, measuredFrames);

            assertEquals(measuredFrames / 2L * (1 + 2 + 1) + measuredFrames / 2L * (1 + 2 + 2), checksum[0],
                    "from + type + first byte of every frame");
            assertTrue(allocated < measuredFrames, allocated + " bytes allocated for " + measuredFrames + " frames");
        }
    }

    /** Sends batches of frames to participant 2 and polls each batch in before the next. */
    private static void exchange(Endpoint sender, Endpoint receiver, FrameReceiver sink, ByteBuffer heap,
                                 ByteBuffer direct, int frames) {
        int batch = 50;
        for (int done = 0; done < frames; done += batch) {
            for (int i = 0; i < batch; i++) {
                sender.send(2, 2, (i & 1) == 0 ? heap : direct);
            }
            Endpoints.pollUntil(receiver, sink, batch);
        }
    }
}
