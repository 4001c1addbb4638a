package dev.multinode.bench;

import dev.multinode.testkit.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The {@code tcp} transport's baseline: one loopback TCP connection (TCP_NODELAY) between this JVM
 * and a child JVM ({@link NioSocketEcho}) that echoes, two processes as in the harness ping-pong.
 * Frames are the plan's size with no header. By default both ends busy-poll non-blocking channels;
 * with {@code blocking} both block in the kernel instead, the slower figure a plain socket gives.
 */
final class NioSocketPingPong implements RawPingPong {

    /** Set to {@code true} to measure blocking channels instead of busy-polled ones. */
    static final String BLOCKING = "bench.tcp.blockingBaseline";
    /**
     * Set to {@code true} to send and receive on two one-way connections, as the {@code tcp}
     * transport's links go, instead of one connection both ways.
     */
    static final String ONE_WAY = "bench.tcp.oneWayBaseline";

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long ACCEPT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int IDLE_CHECK_MASK = (1 << 16) - 1;

    private final boolean blocking;
    private final boolean oneWay;

    /**
     * @param blocking whether both ends use blocking channels rather than busy-polling
     * @param oneWay   whether each direction has a connection of its own
     */
    NioSocketPingPong(boolean blocking, boolean oneWay) {
        this.blocking = blocking;
        this.oneWay = oneWay;
    }

    @Override
    public String description() {
        return "NIO loopback TCP, " + (oneWay ? "a one-way connection per direction" : "one connection")
                + ", two processes, " + (blocking ? "blocking channels" : "busy-polling non-blocking channels");
    }

    @Override
    public Histogram run(PingPongPlan plan) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (TempFolder folder = TempFolder.create("multinode-bench-tcp-");
             ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            // Resources close in reverse: the connections first, which ends the echo's loop.
            try (ChildJvm echo = ChildJvm.builder(NioSocketEcho.class)
                         .arguments(Integer.toString(port), Integer.toString(plan.messageSize()),
                                 blocking ? "blocking" : "polling", Long.toString(TIMEOUT.toMillis()),
                                 oneWay ? "one-way" : "two-way")
                         .stopGrace(ParentWatch.STOP_GRACE).start(folder.path().resolve("echo.log"));
                 // the echo reads the first connection it opens and, one-way, writes the second
                 SocketChannel out = accept(server, echo, deadline);
                 SocketChannel in = oneWay ? accept(server, echo, deadline) : out) {
                return initiate(plan, out, in, echo, deadline);
            }
        }
    }

    /** Polls, since a blocking accept could not notice that the child died. */
    private SocketChannel accept(ServerSocketChannel server, ChildJvm echo, long deadline) throws IOException {
        server.configureBlocking(false);
        while (true) {
            SocketChannel channel = server.accept();
            if (channel != null) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(blocking);
                return channel;
            }
            echo.checkProgress(deadline, TIMEOUT, "connect");
            LockSupport.parkNanos(ACCEPT_POLL_NANOS);
        }
    }

    private static Histogram initiate(PingPongPlan plan, SocketChannel toEcho, SocketChannel fromEcho, ChildJvm echo,
                                      long deadline) throws IOException {
        RoundTrips roundTrips = new RoundTrips(plan);
        ByteBuffer out = ByteBuffer.allocateDirect(plan.messageSize());
        ByteBuffer in = ByteBuffer.allocateDirect(plan.messageSize());
        long[] idle = {0};
        Runnable checks = () -> {
            if ((++idle[0] & IDLE_CHECK_MASK) == 0) {
                echo.checkProgress(deadline, TIMEOUT, "echo");
            }
        };
        ByteBuffer ping = roundTrips.nextPing();
        while (true) {
            out.clear().put(0, ping, 0, plan.messageSize());
            SocketFrames.writeFully(toEcho, out);
            in.clear();
            SocketFrames.readFully(fromEcho, in, checks);
            if (!roundTrips.onEcho(System.nanoTime(), in.getLong(0), in.position())) {
                return roundTrips.histogram();
            }
            roundTrips.nextPing();
        }
    }
}
