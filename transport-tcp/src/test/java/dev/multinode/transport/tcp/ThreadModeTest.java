package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.spi.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conductor and three nodes in one transport, every one sending to every one (itself included). */
class ThreadModeTest {

    private static final int NODES = 3;
    private static final int FRAMES = 200;

    @Test
    void everyFrameArrivesFromItsSenderWithItsTypeAndBytesInOrder() throws Exception {
        try (TcpTransport transport = TestSupport.open(NODES, 1024, Map.of())) {
            List<Endpoint> endpoints = new ArrayList<>();
            List<TestSupport.Received> received = new ArrayList<>();
            for (int p = 0; p <= NODES; p++) {
                endpoints.add(transport.endpoint(p));
                received.add(new TestSupport.Received());
            }
            for (Endpoint sender : endpoints) {
                for (int to = 0; to <= NODES; to++) {
                    Traffic.send(sender, to, FRAMES);
                }
            }
            TestSupport.pollUntil(endpoints, received, Collections.nCopies(NODES + 1, (NODES + 1) * FRAMES));

            for (int to = 0; to <= NODES; to++) {
                assertEquals((NODES + 1) * FRAMES, received.get(to).frames.size(), "frames at participant " + to);
                for (int from = 0; from <= NODES; from++) {
                    Traffic.check(received.get(to), from, to, FRAMES);
                }
            }
        }
    }

    @Test
    void pollDeliversNoMoreThanItsLimitAndKeepsTheRestForLater() throws Exception {
        try (TcpTransport transport = TestSupport.open(1, 1024, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            Traffic.send(node, 0, 50);
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.awaitCondition("50 frames arrived three at a time", () -> {
                int before = received.frames.size();
                int delivered = conductor.poll(received, 3);
                assertEquals(before + delivered, received.frames.size());
                if (delivered > 3) {
                    throw new AssertionError("poll delivered " + delivered + " frames with a limit of 3");
                }
                return received.frames.size() == 50;
            });
            assertEquals(0, conductor.poll(received, 0));
            Traffic.check(received, 1, 0, 50);
        }
    }
}
