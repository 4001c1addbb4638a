package dev.multinode.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A blocking loopback echo in this JVM, a thread per connection, as a plain system under test
 * serves: the relay rows time round trips to it directly and through a relay, the same server both
 * ways, so that the difference is the relay's.
 */
final class LoopbackEcho implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;

    /** @param bind where to listen: a node's endpoint */
    LoopbackEcho(InetSocketAddress bind) throws IOException {
        server = new ServerSocket();
        server.bind(bind, 50);
        acceptor = new Thread(this::acceptAll, "bench-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread echo = new Thread(() -> echo(socket), "bench-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // the client went away: so does this echo
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
