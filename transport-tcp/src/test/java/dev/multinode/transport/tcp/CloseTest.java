package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.TransportContext;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closing releases every port, connection, thread and file descriptor. */
class CloseTest {

    @Test
    void closingTheTransportLeavesNoPortThreadOrDescriptorOpen() throws Exception {
        runAndClose(TestSupport.context(2, 1024, Map.of()));
        int descriptorsBefore = openDescriptors();

        TransportContext context = TestSupport.context(2, 1024, Map.of());
        List<Integer> ports = new ArrayList<>();
        try (Socket stranger = runAndClose(context, ports)) {
            assertClosedByPeer(stranger);
        }
        for (int port : ports) {
            assertRefused(port);
        }
        String threadName = "multinode-tcp-" + context.runId();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(threadName)),
                "the control thread " + threadName + " stopped");
        if (descriptorsBefore >= 0) {
            assertEquals(descriptorsBefore, openDescriptors(), "open file descriptors before and after a run");
        }
    }

    @Test
    void closingOneEndpointReleasesItsPortAtOnceAndTheOthersCarryOn() throws Exception {
        try (TcpTransport transport = TestSupport.open(2, 1024, Map.of())) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node1 = transport.endpoint(1);
            TcpEndpoint node2 = (TcpEndpoint) transport.endpoint(2);
            node1.send(2, 1, TestSupport.ints(1));
            TestSupport.pollUntil(List.of(node2), List.of(new TestSupport.Received()), List.of(1));
            node2.close();
            assertRefused(node2.port());
            assertEquals(0, node2.poll(new TestSupport.Received(), 10));

            node1.send(0, 1, TestSupport.ints(2));
            TestSupport.Received received = new TestSupport.Received();
            TestSupport.pollUntil(List.of(conductor), List.of(received), List.of(1));
            assertEquals(2, received.frames.get(0).buffer().getInt());
        }
    }

    @Test
    void closedTransportOpensNoEndpointAndClosedEndpointsRefuseToSend() throws Exception {
        TcpTransport transport = TestSupport.open(1, 1024, Map.of());
        Endpoint node = null;
        try {
            transport.endpoint(0);
            node = transport.endpoint(1);
        } finally {
            transport.close();
        }
        Endpoint closedNode = node;
        assertThrows(IllegalStateException.class, () -> closedNode.send(0, 1, TestSupport.ints(1)));
        assertThrows(IllegalStateException.class, () -> transport.endpoint(1));
        transport.close();
    }

    private static void runAndClose(TransportContext context) throws Exception {
        runAndClose(context, new ArrayList<>()).close();
    }

    /**
     * Opens a transport, sends between every pair, leaves a stranger in the middle of its handshake,
     * and closes the transport.
     *
     * @return the stranger's socket
     */
    private static Socket runAndClose(TransportContext context, List<Integer> ports) throws Exception {
        Socket stranger;
        try (TcpTransport transport = TestSupport.open(context)) {
            List<Endpoint> endpoints = new ArrayList<>();
            List<TestSupport.Received> received = new ArrayList<>();
            for (int p = 0; p < context.participants().size(); p++) {
                TcpEndpoint endpoint = (TcpEndpoint) transport.endpoint(p);
                endpoints.add(endpoint);
                ports.add(endpoint.port());
                received.add(new TestSupport.Received());
            }
            for (Endpoint from : endpoints) {
                for (Endpoint to : endpoints) {
                    Traffic.send(from, to.participant(), 3);
                }
            }
            TestSupport.pollUntil(endpoints, received, List.of(9, 9, 9));
            stranger = new Socket(InetAddress.getLoopbackAddress(), ports.get(0));
            stranger.getOutputStream().write(new byte[] {0x4D, 0x4E});
        }
        return stranger;
    }

    /** The end of the stream, or a reset when the endpoint closed with our bytes unread. */
    private static void assertClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            assertEquals(-1, socket.getInputStream().read(), "a connection still in its handshake is closed too");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a connection still in its handshake stayed open", e);
        } catch (SocketException e) {
            assertTrue(e.getMessage().contains("reset"), e.toString());
        }
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "port " + port + " is closed");
    }

    /** @return how many file descriptors this process has open, or -1 where /proc does not tell */
    private static int openDescriptors() throws IOException {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
