import dev.multinode.MultiNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayedSocketSpecTest {
    @Test
    void aPartitionReachesTheSystemsOwnSockets() {
        MultiNode.spec("node-a", "node-b").run(node -> {
            node.runOn("node-b", () -> {                           // the system under test: a line echo server
                node.port("echo");                                  // a free port, published
                ServerSocket server = node.closeOnStop(new ServerSocket());
                server.bind(node.address("node-b", "echo"));        // its own endpoint, unrelayed
                node.executor().execute(() -> echo(server));
            });
            node.enterBarrier("serving");
            node.runOn("node-a", () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(node.address("node-b", "echo")); // node-a's relay towards node-b
                    socket.setSoTimeout(300);
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    out.println("before");
                    expect("before", in.readLine());
                    node.faults().partition(Set.of("node-a"), Set.of("node-b"));
                    out.println("during");                          // held by the relay: the link is dead
                    try {
                        throw new AssertionError("echoed across a partition: " + in.readLine());
                    } catch (SocketTimeoutException expected) {
                        // nothing arrives, and the connection stays open
                    }
                    node.faults().heal();                           // what was held arrives, in order
                    socket.setSoTimeout(10_000);
                    expect("during", in.readLine());
                }
            });
            node.enterBarrier("done");
        });
    }

    private static void echo(ServerSocket server) {
        try (Socket client = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
            }
        } catch (IOException closedWithTheNode) {
            // the node stopped
        }
    }

    private static void expect(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + ", got " + actual);
        }
    }
}
