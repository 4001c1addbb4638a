package dev.multinode.runtime.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Blocking loopback sockets for the relay tests: a target the test accepts on by hand, so that it
 * holds both ends of a relayed connection, and reads whose every wait is bounded.
 */
final class RelaySockets implements AutoCloseable {

    /** How long a read waits for bytes that must come. */
    static final int ARRIVAL_MILLIS = 5_000;
    /** How long a read waits to show that bytes do not come. */
    static final int ABSENCE_MILLIS = 200;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ServerSocket target;

    /** The two ends of a relayed connection: the client that connected to the relay and the target's accepted socket. */
    record Ends(Socket client, Socket far) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            client.close();
            far.close();
        }
    }

    RelaySockets() throws IOException {
        target = new ServerSocket(0, 50, LOOPBACK);
        target.setSoTimeout(ARRIVAL_MILLIS);
    }

    InetSocketAddress target() {
        return new InetSocketAddress(LOOPBACK, target.getLocalPort());
    }

    /** Connects to the relay and accepts the relayed connection at the target. */
    Ends connect(InetSocketAddress relay) throws IOException {
        Socket client = client(relay);
        Socket far = target.accept();
        far.setSoTimeout(ARRIVAL_MILLIS);
        far.setTcpNoDelay(true);
        return new Ends(client, far);
    }

    /** @return whether the target is offered no connection within the absence wait */
    boolean targetAcceptsNothing() throws IOException {
        target.setSoTimeout(ABSENCE_MILLIS);
        try (Socket unexpected = target.accept()) {
            return unexpected == null;
        } catch (SocketTimeoutException expected) {
            return true;
        } finally {
            target.setSoTimeout(ARRIVAL_MILLIS);
        }
    }

    static Socket client(InetSocketAddress relay) throws IOException {
        Socket client = new Socket();
        client.connect(relay, ARRIVAL_MILLIS);
        client.setSoTimeout(ARRIVAL_MILLIS);
        client.setTcpNoDelay(true);
        return client;
    }

    /**
     * Connects to a relay that must refuse the connection at once: a reset during the connect, or an
     * end of stream right after it.
     *
     * @return the client's port, as the relay saw it
     */
    static int assertRefusedAtOnce(InetSocketAddress relay) throws IOException {
        try (Socket client = new Socket()) {
            // bound first, so that the port is known even if the reset cuts the connect short
            client.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = client.getLocalPort();
            try {
                client.connect(relay, ARRIVAL_MILLIS);
                client.setSoTimeout(ARRIVAL_MILLIS);
            } catch (SocketException resetWhileConnecting) {
                return port;
            }
            assertThat(ends(client)).as("closed within " + ARRIVAL_MILLIS + " ms").isTrue();
            return port;
        }
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** @return exactly {@code length} bytes read as text; fails if the stream ends first */
    static String receive(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        assertThat(bytes).as("bytes before the end of stream").hasSize(length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Shows that nothing (not even an end of stream) arrives within the absence wait. */
    static void assertNothingArrives(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(ABSENCE_MILLIS);
        try {
            int read = socket.getInputStream().read();
            fail("expected nothing to arrive, got " + (read < 0 ? "the end of stream" : "byte " + read));
        } catch (SocketTimeoutException expected) {
            // nothing came
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** @return whether the stream ended (end of stream or reset) within the arrival wait, with nothing before */
    static boolean ends(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /**
     * The relay counts bytes just after it wrote them, so a reader may see them first: the count is
     * polled until it shows {@code expected} or the arrival wait ends.
     *
     * @return the last count seen
     */
    static long settledCount(LongSupplier count, long expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ARRIVAL_MILLIS);
        long seen = count.getAsLong();
        while (seen != expected && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            seen = count.getAsLong();
        }
        return seen;
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
