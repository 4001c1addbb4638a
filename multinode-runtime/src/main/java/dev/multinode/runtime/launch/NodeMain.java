package dev.multinode.runtime.launch;

import dev.multinode.NodeBody;
import dev.multinode.runtime.body.BodySerializer;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.node.NodeRuntime;
import dev.multinode.runtime.settings.TransportCatalog;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportProvider;
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
     * @param args the launch folder, the role and its incarnation
     */
    public static void main(String[] args) {
        String role = args[1];
        int incarnation = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new RoleLineStream(System.out, RoleLineStream.label(role, incarnation)), true,
                StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
        watchParent(System.in);
        try {
            Path folder = Path.of(args[0]);
            ChildSpec spec = ChildSpec.read(folder.resolve(ProcessLauncher.SPEC_FILE));
            byte[] body = Files.readAllBytes(folder.resolve(ProcessLauncher.BODY_FILE));
            int exitCode = runNode(spec, body, role, incarnation);
            out.flush();
            System.exit(exitCode);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println(role + " could not join the run: " + e);
            e.printStackTrace();
            out.flush();
            System.exit(CANNOT_JOIN);
        }
    }

    /**
     * Runs one node of a run in this JVM.
     *
     * @param spec the run's node settings
     * @param body the serialized body
     * @param role this node's role
     * @param incarnation 0 for the role's first start, one more per restart
     * @return the exit code: 0 unless the body failed
     * @throws IOException if the transport cannot be opened
     * @throws ClassNotFoundException if a class the spec allowed is missing
     */
    static int runNode(ChildSpec spec, byte[] body, String role, int incarnation) throws IOException, ClassNotFoundException {
        TransportProvider provider = TransportCatalog.load(spec.providerClass()).get(spec.transportName());
        JvmAccess.require(provider, JvmAccess.NODE_JVM_ADVICE);
        ClassLoader loader = NodeMain.class.getClassLoader();
        NodeBody copy = BodySerializer.deserialize(body, loader);
        int participant = spec.context().participants().indexOf(role);
        if (participant < 1) {
            throw new IllegalArgumentException("Unknown role '" + role + "': the roles of this run are "
                    + spec.template().roles());
        }
        NodeOutcome outcome;
        try (Transport transport = provider.open(spec.context())) {
            Endpoint endpoint = transport.endpoint(participant);
            NodeConfig config = spec.nodeConfig(role, loader, incarnation);
            outcome = new NodeRuntime(config, endpoint, transport.scheduler()).run(copy);
        }
        return outcome.status() == NodeOutcome.Status.FAILED ? 1 : 0;
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
