package dev.multinode.runtime.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a node started by hand, possibly on another host, for a run in external launch
 * mode:
 * <pre>
 * java -cp &lt;the spec's class path&gt; &lt;transport JVM flags&gt;
 *      -Dmultinode.role=node-b -Dmultinode.conductor=host:port -Dmultinode.secret=&lt;secret&gt;
 *      dev.multinode.runtime.launch.ExternalNodeMain
 * </pre>
 * It joins the run (both sides prove they hold the secret), receives the run's settings and body,
 * runs the body for its role and exits with 0, or 1 if the body failed, 2 if it could not join.
 */
public final class ExternalNodeMain {

    private static final int CONNECT_MILLIS = 10_000;
    private static final int JOIN_MILLIS = 30_000;

    private ExternalNodeMain() {
    }

    /**
     * @param args none; the settings are system properties
     */
    public static void main(String[] args) {
        String role = required("multinode.role");
        PrintStream out = new PrintStream(new RoleLineStream(System.out, role), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
        try {
            JoinHandshake.Welcome welcome = join(role, required("multinode.conductor"), required("multinode.secret"));
            ChildSpec spec = ChildSpec.read(new StringReader(welcome.settings()));
            int exitCode = NodeMain.runNode(spec, welcome.body(), role, 0);
            out.flush();
            System.exit(exitCode);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println(role + " could not join the run: " + e);
            out.flush();
            System.exit(NodeMain.CANNOT_JOIN);
        }
    }

    private static JoinHandshake.Welcome join(String role, String conductor, String secret) throws IOException {
        int colon = conductor.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("multinode.conductor '" + conductor + "' is not host:port");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(conductor.substring(0, colon), Integer.parseInt(conductor.substring(colon + 1))),
                    CONNECT_MILLIS);
            socket.setSoTimeout(JOIN_MILLIS);
            return JoinHandshake.join(new DataInputStream(socket.getInputStream()),
                    new DataOutputStream(socket.getOutputStream()), role, secret);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("System property " + property + " is required to start an external node");
        }
        return value;
    }
}
