package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

/** Every inbox's direct memory is freed by close, including those of endpoints never opened. */
class DirectMemoryTest {

    private static final int NODES = 4;
    private static final int MAX_FRAME = 64 * 1024;
    /** Room for direct buffers other code frees meanwhile; far below one inbox. */
    private static final long TOLERANCE = 16 * 1024;

    @Test
    void closeFreesEveryInbox() {
        long inbox = Inbox.ringCapacity(MAX_FRAME) + RingBufferDescriptor.TRAILER_LENGTH;
        long inboxes = (NODES + 1L) * inbox;
        long before = directMemoryUsed();
        long opened;
        long endpointClosed;
        try (InProcTransport transport = TestTransports.open(NODES, MAX_FRAME)) {
            Endpoint node = transport.endpoint(1);
            node.send(2, 1, TestTransports.bytes(1, 2, 3));
            opened = directMemoryUsed();
            node.close();
            endpointClosed = directMemoryUsed();
        }
        long closed = directMemoryUsed();

        assertAbout(inboxes, opened - before, "taken by opening the transport");
        assertAbout(inbox, opened - endpointClosed, "freed by closing one endpoint");
        assertAbout(inboxes, opened - closed, "freed by closing the transport");
    }

    private static void assertAbout(long expected, long actual, String what) {
        assertTrue(Math.abs(actual - expected) < TOLERANCE, actual + " bytes " + what + ", expected " + expected);
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
