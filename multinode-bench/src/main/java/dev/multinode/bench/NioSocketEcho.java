package dev.multinode.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The echoing process of {@link NioSocketPingPong}: connects to its parent on loopback and sends
 * every fixed-size frame back unchanged. It stops when the parent closes the connection or its
 * standard input, or when its deadline passes.
 *
 * <p>Arguments: the parent's port, the frame size, {@code blocking} or {@code polling}, the
 * lifetime in milliseconds, {@code two-way} (one connection both ways) or {@code one-way} (it reads
 * the first connection it opens and writes a second one, as the {@code tcp} transport's links go).
 */
public final class NioSocketEcho {

    private static final int IDLE_CHECK_MASK = (1 << 16) - 1;

    private NioSocketEcho() {
    }

    /**
     * @param args the port, the frame size, the channel mode, the lifetime in milliseconds, the connections
     */
    public static void main(String[] args) {
        if (args.length != 5 || !(args[2].equals("blocking") || args[2].equals("polling"))
                || !(args[4].equals("two-way") || args[4].equals("one-way"))) {
            System.err.println("usage: NioSocketEcho <port> <frame size> blocking|polling <lifetime ms> two-way|one-way;"
                    + " got " + String.join(" ", args));
            System.exit(2);
        }
        ParentWatch parent = ParentWatch.start(System.in);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
        ByteBuffer frame = ByteBuffer.allocateDirect(Integer.parseInt(args[1]));
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        boolean blocking = args[2].equals("blocking");
        try (SocketChannel in = open(address, blocking);
             SocketChannel out = args[4].equals("one-way") ? open(address, blocking) : in) {
            long[] idle = {0};
            Runnable checks = () -> {
                if ((++idle[0] & IDLE_CHECK_MASK) == 0 && (parent.parentGone() || System.nanoTime() - deadline > 0)) {
                    throw new IllegalStateException("The echo's parent stopped it, or its deadline passed,"
                            + " while it waited for a frame");
                }
            };
            while (true) {
                frame.clear();
                try {
                    SocketFrames.readFully(in, frame, checks);
                } catch (EOFException e) {
                    if (frame.position() == 0) {
                        break; // the parent closed between frames: the end of the ping-pong
                    }
                    throw e;
                }
                SocketFrames.writeFully(out, frame.flip());
            }
        } catch (IOException | RuntimeException e) {
            if (!parent.parentGone()) {
                e.printStackTrace();
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static SocketChannel open(InetSocketAddress address, boolean blocking) throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(blocking);
        return channel;
    }
}
