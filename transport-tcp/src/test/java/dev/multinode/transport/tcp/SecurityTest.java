package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

/**
 * Strangers connect to the conductor's listener with raw sockets while a node sends to it: each
 * stranger is disconnected with exactly one warning naming its address and the reason, nothing of
 * theirs reaches the receiver, and every legitimate frame arrives in order.
 */
class SecurityTest {

    private static final int MIN_LEGIT_FRAMES = 500;
    private static final long PACING_NANOS = 200_000;
    private static final int PEER_WITH_SECRET = 2;

    @Test
    void strangersAreRefusedAndLoggedWhileLegitimateFramesAllArrive() throws Exception {
        Map<String, String> properties = Map.of(TcpSettings.HANDSHAKE_TIMEOUT, "400");
        try (LogCapture log = new LogCapture(); TcpTransport transport = TestSupport.open(2, 1024, properties)) {
            TcpEndpoint conductor = (TcpEndpoint) transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            TestSupport.Received received = new TestSupport.Received();
            AtomicBoolean polling = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread poller = new Thread(() -> {
                BackoffIdleStrategy idle = new BackoffIdleStrategy();
                while (polling.get()) {
                    idle.idle(conductor.poll(received, 16));
                }
            }, "test-poller");
            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Thread sender = new Thread(() -> {
                while (attacking.get() || sent.get() < MIN_LEGIT_FRAMES) {
                    int seq = sent.get();
                    node.send(0, Traffic.type(seq), Traffic.payload(1, 0, seq, seq % 2 == 0));
                    sent.incrementAndGet();
                    if (seq % 16 == 0) {
                        LockSupport.parkNanos(PACING_NANOS);
                    }
                }
            }, "test-sender");
            sender.setUncaughtExceptionHandler((t, e) -> failure.set(e));
            poller.setUncaughtExceptionHandler((t, e) -> failure.set(e));
            poller.start();
            sender.start();
            TestSupport.awaitCondition("legitimate traffic flows", () -> received.frames.size() > 0);

            Map<String, String> reasons = new LinkedHashMap<>();
            try {
                int port = conductor.port();
                byte[] digest = Handshake.digest(TestSupport.SECRET);
                reasons.put(stranger(port, new byte[0]), "no complete handshake within the handshake timeout of 400 ms");
                reasons.put(stranger(port, handshake(new byte[Handshake.DIGEST_BYTES], 1, 0)), "wrong secret");
                reasons.put(stranger(port, handshake(Handshake.digest("not the secret"), 1, 0)), "wrong secret");
                reasons.put(stranger(port, ByteBuffer.allocate(9).putInt(5).put((byte) 1).putInt(42).array()),
                        "bad magic 0x00000005");
                reasons.put(stranger(port, ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array()),
                        "bad magic 0x7FFFFFFF");
                byte[] noise = new byte[4096];
                new Random(42).nextBytes(noise);
                reasons.put(stranger(port, noise), "bad magic");
                reasons.put(stranger(port, java.util.Arrays.copyOf(handshake(digest, 1, 0), 20)),
                        "no complete handshake");
                reasons.put(stranger(port, handshake(digest, 1, 1)), "connection meant for participant 1 reached participant 0");
                reasons.put(stranger(port, handshake(digest, 7, 0)), "sender participant 7 is out of range 0..2");
                byte[] badVersion = handshake(digest, 1, 0);
                badVersion[5] = 9;
                reasons.put(stranger(port, badVersion), "unsupported protocol version 9");
                byte[] hugeFrame = ByteBuffer.allocate(Handshake.BYTES + 4).put(handshake(digest, PEER_WITH_SECRET, 0))
                        .putInt(Integer.MAX_VALUE).array();
                reasons.put(stranger(port, hugeFrame), "frame length prefix 2147483647 is outside the accepted range 1..1025");

            } finally {
                attacking.set(false);
                sender.join(TestSupport.WAIT_NANOS / 1_000_000);
                TestSupport.awaitCondition("the legitimate frames arrived", () -> received.frames.size() >= sent.get());
                polling.set(false);
                poller.join(TestSupport.WAIT_NANOS / 1_000_000);
            }
            if (failure.get() != null) {
                throw new AssertionError("a test thread failed", failure.get());
            }

            assertTrue(sent.get() >= MIN_LEGIT_FRAMES, "sent " + sent.get());
            assertEquals(sent.get(), received.frames.size(), "only the node's frames reach the receiver");
            Traffic.check(received, 1, 0, sent.get());
            for (Map.Entry<String, String> stranger : reasons.entrySet()) {
                List<String> warnings = log.linesWith("WARN", stranger.getKey());
                assertEquals(1, warnings.size(), "one warning for " + stranger.getKey() + ": " + warnings);
                assertTrue(warnings.get(0).contains(stranger.getValue()), warnings.get(0));
            }
        }
    }

    /** @return a handshake with the given secret digest, sender and receiver, and port 1 */
    private static byte[] handshake(byte[] digest, int sender, int receiver) {
        ByteBuffer bytes = ByteBuffer.allocate(Handshake.BYTES);
        Handshake.write(bytes, digest, sender, receiver, 1);
        return bytes.array();
    }

    /**
     * Connects, writes the bytes, and waits until the endpoint closes the connection.
     *
     * @return the stranger's address as the endpoint sees it
     */
    private static String stranger(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            String address = socket.getLocalSocketAddress().toString();
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            awaitClosed(socket.getInputStream(), address);
            return address;
        }
    }

    /** Reads (the conductor's directory, for a peer with the secret) until the end of the stream. */
    private static void awaitClosed(InputStream in, String address) {
        byte[] sink = new byte[1024];
        List<Integer> reads = new ArrayList<>();
        try {
            int n;
            while ((n = in.read(sink)) >= 0) {
                reads.add(n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the endpoint did not close the connection of " + address + " (read " + reads + ")", e);
        } catch (IOException e) {
            // a reset is a close as well: the endpoint closed with unread bytes
        }
    }
}
