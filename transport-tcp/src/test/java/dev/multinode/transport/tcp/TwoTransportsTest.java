package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.TransportContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A parent transport with the conductor and two "child" transports opened with the parent's
 * {@code childProperties()}, as child JVMs would: the nodes find each other through the directory.
 */
class TwoTransportsTest {

    private static final int FRAMES = 300;

    @Test
    void childrenOpenedWithTheParentsPropertiesExchangeFramesBothWays() throws Exception {
        TransportContext parentContext = TestSupport.context(2, 4096, Map.of());
        try (TcpTransport parent = TestSupport.open(parentContext)) {
            Map<String, String> handedDown = parent.childProperties();
            assertEquals(1, handedDown.size(), handedDown.toString());
            assertTrue(handedDown.get("multinode.tcp.conductor").matches("127\\.0\\.0\\.1:\\d+"), handedDown.toString());
            TransportContext childContext = new TransportContext(parentContext.runId(), parentContext.runDirectory(),
                    parentContext.participants(), parentContext.maxFrameSize(), parentContext.launchMode(),
                    parentContext.secret(), handedDown);
            try (TcpTransport childA = TestSupport.open(childContext); TcpTransport childB = TestSupport.open(childContext)) {
                Endpoint conductor = parent.endpoint(0);
                assertEquals("127.0.0.1:" + ((TcpEndpoint) conductor).port(), handedDown.get("multinode.tcp.conductor"));
                Endpoint node1 = childA.endpoint(1);
                Endpoint node2 = childB.endpoint(2);
                assertThrows(IllegalArgumentException.class, () -> childA.endpoint(0));

                List<Endpoint> endpoints = List.of(conductor, node1, node2);
                for (Endpoint sender : endpoints) {
                    for (Endpoint receiver : endpoints) {
                        if (sender != receiver) {
                            Traffic.send(sender, receiver.participant(), FRAMES);
                        }
                    }
                }
                List<TestSupport.Received> received =
                        List.of(new TestSupport.Received(), new TestSupport.Received(), new TestSupport.Received());
                TestSupport.pollUntil(endpoints, received, List.of(2 * FRAMES, 2 * FRAMES, 2 * FRAMES));
                for (Endpoint sender : endpoints) {
                    for (Endpoint receiver : endpoints) {
                        if (sender != receiver) {
                            Traffic.check(received.get(receiver.participant()), sender.participant(),
                                    receiver.participant(), FRAMES);
                        }
                    }
                }
            }
        }
    }
}
