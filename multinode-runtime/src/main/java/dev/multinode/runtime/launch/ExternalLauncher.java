package dev.multinode.runtime.launch;

import dev.multinode.runtime.node.NodeOutcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts no node: waits for nodes started elsewhere ({@link ExternalNodeMain}, possibly on other
 * hosts) to join through a small join server, which hands each node that proves it holds the run's
 * secret the run's settings and body. The conductor's start timeout bounds the wait.
 */
public final class ExternalLauncher implements NodeLauncher {

    /** Host (and optionally port) the join server listens on; loopback and an ephemeral port by default. */
    public static final String BIND = "multinode.external.bind";
    /** A file to write the join address and secret to, for scripts that start the nodes. */
    public static final String ANNOUNCE_FILE = "multinode.external.announceFile";

    private static final Logger LOG = LoggerFactory.getLogger(ExternalLauncher.class);
    private static final int HANDSHAKE_MILLIS = 5_000;

    private ServerSocket server;
    private Thread acceptor;

    @Override
    public void launch(RunContext run) throws IOException {
        StringWriter settings = new StringWriter();
        ChildSpec.of(run).write(settings);
        JoinHandshake.Welcome welcome = new JoinHandshake.Welcome(settings.toString(), run.body());
        String secret = run.transportContext().secret();
        Set<String> waiting = new HashSet<>(run.settings().roles());
        server = new ServerSocket();
        server.bind(bindAddress());
        String address = server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
        announce(run, address, secret);
        acceptor = new Thread(() -> serve(welcome, secret, waiting), "multinode-join");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static InetSocketAddress bindAddress() throws IOException {
        String bind = System.getProperty(BIND, System.getProperty("multinode.tcp.bindAddress", ""));
        if (bind.isBlank()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }
        int colon = bind.lastIndexOf(':');
        String host = colon > 0 ? bind.substring(0, colon) : bind;
        int port = colon > 0 ? Integer.parseInt(bind.substring(colon + 1)) : 0;
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static void announce(RunContext run, String address, String secret) throws IOException {
        LOG.info("Waiting for external nodes {} to join at {}. Start each with: java -cp <the spec's class path> "
                        + "-Dmultinode.role=<role> -Dmultinode.conductor={} -Dmultinode.secret=<the run's secret> "
                        + "<transport JVM flags> {}", run.settings().roles(), address, address, ExternalNodeMain.class.getName());
        String announceFile = System.getProperty(ANNOUNCE_FILE);
        if (announceFile != null) {
            Path file = Path.of(announceFile);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, "conductor=" + address + "\nsecret=" + secret + "\nroles="
                    + String.join(",", run.settings().roles()) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void serve(JoinHandshake.Welcome welcome, String secret, Set<String> waiting) {
        while (!waiting.isEmpty() && !server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(HANDSHAKE_MILLIS);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                String role = JoinHandshake.admit(new DataInputStream(socket.getInputStream()), out, secret);
                if (!waiting.remove(role)) {
                    LOG.warn("Refused a node from {} for role '{}': not a role of this run, or already joined; waiting for {}",
                            socket.getRemoteSocketAddress(), role, waiting);
                    continue;
                }
                JoinHandshake.welcome(out, welcome);
                LOG.info("{} joined from {}", role, socket.getRemoteSocketAddress());
            } catch (SocketException closed) {
                if (!server.isClosed()) {
                    LOG.warn("Join server error: {}", closed.toString());
                }
            } catch (IOException | RuntimeException refused) {
                LOG.warn("Refused a connection to the join server: {}", refused.toString());
            }
        }
    }

    @Override
    public Map<String, NodeOutcome> awaitNodes(Duration timeout, Set<String> givenUp) {
        return Map.of();
    }

    /** External nodes are not this JVM's to wait for or kill. */
    @Override
    public List<String> stragglers() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
            if (acceptor != null) {
                acceptor.join(HANDSHAKE_MILLIS);
            }
        } catch (IOException e) {
            LOG.warn("Closing the join server failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
