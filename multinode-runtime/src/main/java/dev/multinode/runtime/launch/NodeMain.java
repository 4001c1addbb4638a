package dev.multinode.runtime.launch;

import dev.multinode.NodeBody;
import dev.multinode.runtime.body.BodySerializer;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.node.NodeRuntime;
import dev.multinode.runtime.settings.TransportCatalog;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a node JVM: {@code NodeMain <launch folder> <role>}. It joins the run described
 * in the launch folder, runs the body for its role and exits; it also exits as soon as its parent
 * dies, which it notices when its standard input closes.
 */
public final class NodeMain {

    /** Exit code when the parent died before the node finished. */
    static final int ORPHANED = 3;
    /** Exit code when the node could not join the run. */
    static final int CANNOT_JOIN = 2;

    private NodeMain() {
    }

    /**
     * @param args the launch folder and the role
     */
    public static void main(String[] args) {
        String role = args[1];
        PrintStream out = new PrintStream(new RoleLineStream(System.out, role), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
        watchParent(System.in);
        try {
            Path folder = Path.of(args[0]);
            ChildSpec spec = ChildSpec.read(folder.resolve(ProcessLauncher.SPEC_FILE));
            ClassLoader loader = NodeMain.class.getClassLoader();
            NodeBody body = BodySerializer.deserialize(Files.readAllBytes(folder.resolve(ProcessLauncher.BODY_FILE)), loader);
            int participant = spec.context().participants().indexOf(role);
            NodeOutcome outcome;
            try (Transport transport = TransportCatalog.load().get(spec.transportName()).open(spec.context())) {
                Endpoint endpoint = transport.endpoint(participant);
                outcome = new NodeRuntime(spec.nodeConfig(role, loader), endpoint).run(body);
            }
            out.flush();
            System.exit(outcome.status() == NodeOutcome.FAILED ? 1 : 0);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println(role + " could not join the run: " + e);
            e.printStackTrace();
            out.flush();
            System.exit(CANNOT_JOIN);
        }
    }

    /** The parent holds our standard input open for as long as it lives. */
    private static void watchParent(InputStream parentPipe) {
        Thread watcher = new Thread(() -> {
            try {
                while (parentPipe.read() >= 0) {
                    // the parent never writes; any byte is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end of stream: the parent is gone
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "multinode-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
