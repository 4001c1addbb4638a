package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share one connection: the node that sends first opens it, the other answers on it
 * after a handshake of its own, which the opener checks before it reads a frame.
 */
class SharedConnectionTest {

    private static final int MAX_FRAME = 1024;

    @Test
    void theNodeThatDidNotConnectSendsBackOnTheConnectionItAccepted() throws Exception {
        try (TcpTransport transport = TestSupport.open(2, MAX_FRAME, Map.of())) {
            TcpEndpoint conductor = (TcpEndpoint) transport.endpoint(0);
            TcpEndpoint first = (TcpEndpoint) transport.endpoint(1);
            TcpEndpoint second = (TcpEndpoint) transport.endpoint(2);
            TestSupport.Received atFirst = new TestSupport.Received();
            TestSupport.Received atSecond = new TestSupport.Received();
            TestSupport.Received atConductor = new TestSupport.Received();

            // node-2 adopts node-1's connection only once the directory told it node-1's address
            TestSupport.awaitCondition("node-2 knows node-1's address", () -> second.book().get(1) != null);
            first.send(2, 1, TestSupport.ints(1));
            TestSupport.pollUntil(List.of(second), List.of(atSecond), List.of(1));
            for (int seq = 2; seq <= 4; seq++) {
                second.send(1, 2, TestSupport.ints(seq));
            }
            conductor.send(1, 3, TestSupport.ints(5));
            first.send(0, 3, TestSupport.ints(6));
            TestSupport.pollUntil(List.of(first, conductor), List.of(atFirst, atConductor), List.of(4, 1));

            assertTrue(second.sharesAcceptedConnection(1), "node-2 answers on node-1's connection");
            assertFalse(first.sharesAcceptedConnection(2), "node-1 sends on the connection it opened");
            assertFalse(conductor.sharesAcceptedConnection(1), "the conductor opens its own connections");
            assertEquals(List.of(2, 3, 4, 5), atFirst.frames.stream().map(frame -> frame.buffer().getInt()).toList());
            assertEquals(List.of(2, 2, 2, 0), atFirst.frames.stream().map(TestSupport.Frame::from).toList());
            assertEquals(1, atConductor.frames.size());
        }
    }

    @Test
    void anAnswerWithoutTheSecretIsRefusedBeforeAnyFrameIsRead() throws Exception {
        ByteBuffer answer = ByteBuffer.allocate(Handshake.BYTES + 9);
        Handshake.write(answer, Handshake.digest("not the secret"), 2, 1, 1);
        answer.putInt(5).put((byte) 1).putInt(42); // a frame behind it, which must never be delivered

        assertTrue(refusal(answer.flip()).contains("wrong secret"));
    }

    @Test
    void anAnswerFromAnotherParticipantIsRefused() throws Exception {
        ByteBuffer answer = ByteBuffer.allocate(Handshake.BYTES);
        Handshake.write(answer, Handshake.digest(TestSupport.SECRET), 3, 1, 1);

        assertTrue(refusal(answer.flip()).contains("answered as participant 3 on the connection to participant 2"));
    }

    /**
     * Node-1 reads a connection it opened to "node-2" (a plain socket here) that answers with the
     * given bytes; checks that the connection is closed with nothing delivered.
     *
     * @return the one warning logged
     */
    private static String refusal(ByteBuffer answer) throws Exception {
        try (LogCapture log = new LogCapture();
             TcpTransport transport = TestSupport.open(3, MAX_FRAME, Map.of());
             ServerSocketChannel peer = ServerSocketChannel.open()) {
            TcpEndpoint node = (TcpEndpoint) transport.endpoint(1);
            peer.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel opened = SocketChannel.open(peer.getLocalAddress());
                 SocketChannel accepted = peer.accept()) {
                opened.configureBlocking(false);
                while (answer.hasRemaining()) {
                    accepted.write(answer);
                }
                InboundLink link = new InboundLink(node, 2, opened, "the answering peer", 64, MAX_FRAME, true);
                TestSupport.Received received = new TestSupport.Received();

                TestSupport.awaitCondition("the answer is read", () -> {
                    link.readAndDeliver(received, 16);
                    return link.isClosed();
                });

                assertEquals(List.of(), received.frames);
                assertFalse(opened.isOpen());
                List<String> warnings = log.linesWith("WARN", "the answering peer");
                assertEquals(1, warnings.size(), warnings.toString());
                return warnings.get(0);
            }
        }
    }
}
