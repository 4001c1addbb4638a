package dev.multinode.testkit;

import dev.multinode.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A system under test with sockets of its own, for the relay suite: a line echo server on the node's
 * endpoint "echo", which answers each line with {@code <line> from <role>} and tells the node's
 * "heard" probe every line it read, so that a case can tell which direction of a connection a fault
 * held. Like most systems it starts threads of its own (one per connection, so that connections
 * never wait for each other); closing its sockets with the node ends them.
 */
final class EchoSystem {

    /** The endpoint's name. */
    static final String ENDPOINT = "echo";
    /** The probe told every line the server read. */
    static final String HEARD = "heard";

    private EchoSystem() {
    }

    /**
     * Starts the server on this node's "echo" endpoint.
     *
     * @param node the node
     * @throws IOException if the endpoint cannot be bound
     */
    static void start(Node node) throws IOException {
        node.port(ENDPOINT);
        ServerSocket server = node.closeOnStop(new ServerSocket());
        server.bind(node.address(node.role(), ENDPOINT));
        start(node, "accept", () -> accept(node, server));
    }

    private static void start(Node node, String job, Runnable work) {
        Thread thread = new Thread(work, "echo-" + node.role() + "-" + job);
        thread.setDaemon(true);
        thread.start();
    }

    private static void accept(Node node, ServerSocket server) {
        try {
            while (true) {
                Socket client = node.closeOnStop(server.accept());
                start(node, "serve-" + client.getPort(), () -> serve(node, client));
            }
        } catch (IOException | IllegalStateException stopped) {
            // the node stopped: its server socket closed, or it takes no more resources
        }
    }

    private static void serve(Node node, Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
            for (String line; (line = in.readLine()) != null; ) {
                node.tell(node.probeRef(node.role(), HEARD), line);
                out.println(line + " from " + node.role());
            }
        } catch (IOException resetOrStopped) {
            // a disconnect or the node's stop: the connection is over
        }
    }
}
