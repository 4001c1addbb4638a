package dev.multinode.transport.tcp;

import dev.multinode.spi.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not a test: measures the round trip of one small frame between two endpoints polled by two
 * busy threads, and of a raw non-blocking NIO socket pair for comparison. Run it by hand:
 * {@code java -cp <test-classes:classes:deps> dev.multinode.transport.tcp.PingPongMeasurement}.
 */
public final class PingPongMeasurement {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final int PAYLOAD = 32;

    private PingPongMeasurement() {
    }

    /**
     * @param args unused
     * @throws Exception if a socket fails
     */
    public static void main(String[] args) throws Exception {
        report("transport", transport());
        report("raw NIO", rawNio());
    }

    private static long[] transport() throws Exception {
        try (TcpTransport transport = TestSupport.open(TestSupport.context(1, 1024, Map.of()))) {
            Endpoint conductor = transport.endpoint(0);
            Endpoint node = transport.endpoint(1);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread echo = new Thread(() -> {
                while (running.get()) {
                    conductor.poll((from, type, payload) -> conductor.send(from, type, payload), 16);
                }
            });
            echo.start();
            ByteBuffer ping = ByteBuffer.allocateDirect(PAYLOAD);
            long[] received = new long[1];
            long[] times = new long[MEASURED];
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long start = System.nanoTime();
                node.send(0, 1, ping);
                long before = received[0];
                while (received[0] == before) {
                    node.poll((from, type, payload) -> received[0]++, 1);
                }
                if (i >= WARM_UP) {
                    times[i - WARM_UP] = System.nanoTime() - start;
                }
            }
            running.set(false);
            echo.join();
            return times;
        }
    }

    private static long[] rawNio() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel served = server.accept()) {
                for (SocketChannel channel : new SocketChannel[] {client, served}) {
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                AtomicBoolean running = new AtomicBoolean(true);
                Thread echo = new Thread(() -> {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(PAYLOAD);
                    try {
                        while (running.get()) {
                            if (served.read(buffer) > 0 && !buffer.hasRemaining()) {
                                buffer.flip();
                                while (buffer.hasRemaining()) {
                                    served.write(buffer);
                                }
                                buffer.clear();
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                echo.start();
                ByteBuffer out = ByteBuffer.allocateDirect(PAYLOAD);
                ByteBuffer in = ByteBuffer.allocateDirect(PAYLOAD);
                long[] times = new long[MEASURED];
                for (int i = 0; i < WARM_UP + MEASURED; i++) {
                    long start = System.nanoTime();
                    out.clear();
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                    in.clear();
                    while (in.hasRemaining()) {
                        client.read(in);
                    }
                    if (i >= WARM_UP) {
                        times[i - WARM_UP] = System.nanoTime() - start;
                    }
                }
                running.set(false);
                echo.join();
                return times;
            }
        }
    }

    private static void report(String what, long[] times) {
        Arrays.sort(times);
        System.out.printf("%-10s round trip over %d: median %.1f us, p90 %.1f us, p99 %.1f us%n", what, times.length,
                times[times.length / 2] / 1e3, times[times.length * 9 / 10] / 1e3, times[times.length * 99 / 100] / 1e3);
    }
}
