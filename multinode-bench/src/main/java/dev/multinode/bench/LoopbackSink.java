package dev.multinode.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback server in this JVM that reads one connection to its end and throws the bytes away,
 * as fast as a direct buffer allows: the far end of the relay's throughput row.
 */
final class LoopbackSink implements AutoCloseable {

    private static final int BUFFER = 1 << 20;

    private final ServerSocketChannel server;
    private final CompletableFuture<Long> received = new CompletableFuture<>();

    /** @param bind where to listen: a node's endpoint */
    LoopbackSink(InetSocketAddress bind) throws IOException {
        server = ServerSocketChannel.open().bind(bind);
        Thread reader = new Thread(this::drainOne, "bench-sink");
        reader.setDaemon(true);
        reader.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    private void drainOne() {
        try (SocketChannel channel = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            long total = 0;
            for (int read = channel.read(buffer); read >= 0; read = channel.read(buffer)) {
                total += read;
                buffer.clear();
            }
            received.complete(total);
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    /** @return the bytes read before the end of stream, waiting at most {@code timeoutSeconds} */
    long awaitEnd(long timeoutSeconds) throws IOException, InterruptedException {
        try {
            return received.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the sink failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the sink saw no end of stream within " + timeoutSeconds + " s", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
