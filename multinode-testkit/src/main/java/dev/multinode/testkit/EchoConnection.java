package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.multinode.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client's connection to an {@link EchoSystem}, with bounded reads that say what they waited for. */
final class EchoConnection implements AutoCloseable {

    private final Socket socket;
    private final String description;
    private final PrintWriter out;
    private final BufferedReader in;

    private EchoConnection(Socket socket, String description) throws IOException {
        this.socket = socket;
        this.description = description;
        this.out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param address where to connect (a relay, a shared address)
     * @param description what the connection is, for failures
     * @return the open connection
     * @throws IOException if the connection is refused
     */
    static EchoConnection open(InetSocketAddress address, String description) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) Waits.MESSAGE.toMillis());
            return new EchoConnection(socket, description + " (to " + address + ")");
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Opens a connection from this node's system to another node's {@link EchoSystem}, through this
     * node's relay towards it, and checks it with a first line, "one".
     *
     * @param node this node
     * @param to   the node whose echo it reaches
     * @return the open connection
     * @throws IOException if the connection is refused
     */
    static EchoConnection greeted(Node node, String to) throws IOException {
        EchoConnection connection = open(node.address(to, EchoSystem.ENDPOINT), node.role() + " to " + to);
        connection.send("one");
        connection.expectLine("one from " + to);
        return connection;
    }

    void send(String line) {
        out.println(line);
    }

    /** @return the raw stream, for bulk writes */
    OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    void expectLine(String expected) throws IOException {
        socket.setSoTimeout((int) Waits.MESSAGE.toMillis());
        try {
            assertEquals(expected, in.readLine(), description);
        } catch (SocketTimeoutException e) {
            fail(description + ": expected '" + expected + "' within " + Waits.MESSAGE.toMillis() + " ms, got nothing");
        }
    }

    /** Nothing arrives for a quiet period, and the connection is still open. */
    void expectNothing() throws IOException {
        socket.setSoTimeout((int) Waits.QUIET.toMillis());
        try {
            String line = in.readLine();
            fail(description + ": expected nothing for " + Waits.QUIET.toMillis() + " ms, got "
                    + (line == null ? "the end of the stream" : "'" + line + "'"));
        } catch (SocketTimeoutException quiet) {
            // nothing came, and the connection is open
        }
    }

    /** The connection ends (reset or closed by the other side) within the message wait. */
    void expectEnd() throws IOException {
        socket.setSoTimeout((int) Waits.MESSAGE.toMillis());
        try {
            String line = in.readLine();
            if (line != null) {
                fail(description + ": expected the connection to end, got '" + line + "'");
            }
        } catch (SocketTimeoutException e) {
            fail(description + ": expected the connection to end within " + Waits.MESSAGE.toMillis() + " ms; it stayed open");
        } catch (IOException reset) {
            // ended by a reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
