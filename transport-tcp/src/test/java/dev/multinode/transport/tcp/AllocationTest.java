package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Once the connection is up, sending and polling allocate nothing per frame. */
class AllocationTest {

    private static final int WARM_UP_FRAMES = 40_000;
    private static final int MEASURED_FRAMES = 20_000;
    private static final int BATCH = 50;
    /** Slack for the measurement itself; a single allocation per frame would be hundreds of times more. */
    private static final long MAX_ALLOCATED_BYTES = 2048;

    private long checksum;
    private final FrameReceiver sink = (from, type, payload) -> checksum += from + type + payload.get(payload.position());

    @Test
    void sendAndPollAllocateNothingPerFrame() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of())) {
            transport.endpoint(0);
            Endpoint sender = transport.endpoint(1);
            Endpoint receiver = transport.endpoint(2);
            ByteBuffer heap = ByteBuffer.allocate(64).put(0, (byte) 1);
            ByteBuffer direct = ByteBuffer.allocateDirect(64).put(0, (byte) 2);

            exchange(sender, receiver, heap, direct, WARM_UP_FRAMES);
            threads.getThreadAllocatedBytes(thread);
            checksum = 0;
            long before = threads.getThreadAllocatedBytes(thread);
            exchange(sender, receiver, heap, direct, MEASURED_FRAMES);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;

            assertEquals(MEASURED_FRAMES / 2L * (1 + 2 + 1) + MEASURED_FRAMES / 2L * (1 + 2 + 2), checksum);
            assertTrue(allocated <= MAX_ALLOCATED_BYTES, allocated + " bytes allocated for " + MEASURED_FRAMES + " frames");
        }
    }

    private void exchange(Endpoint sender, Endpoint receiver, ByteBuffer heap, ByteBuffer direct, int frames) {
        for (int done = 0; done < frames; done += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                sender.send(2, 2, (i & 1) == 0 ? heap : direct);
            }
            int polled = 0;
            long deadline = System.nanoTime() + TestSupport.WAIT_NANOS;
            while (polled < BATCH) {
                polled += receiver.poll(sink, BATCH - polled);
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("only " + polled + " of " + BATCH + " frames arrived");
                }
            }
        }
    }
}
