package dev.multinode.runtime.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own that opens one TCP connection and holds it until its standard input closes:
 * a client in another process, as a process node's system under test is.
 */
final class ClientJvm implements AutoCloseable {

    private static final String SOURCE = "public class Client {\n"
            + "    public static void main(String[] args) throws Exception {\n"
            + "        try (java.net.Socket socket = new java.net.Socket(args[0], Integer.parseInt(args[1]))) {\n"
            + "            while (System.in.read() != -1) { }\n"
            + "        }\n"
            + "    }\n"
            + "}\n";
    private static final Path JDK_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final long EXIT_WAIT_SECONDS = 10;

    private final Process process;

    private ClientJvm(Process process) {
        this.process = process;
    }

    /** Compiles the client into {@code folder} once, so that each client JVM starts without compiling. */
    static Path compile(Path folder) throws IOException, InterruptedException {
        Path source = Files.writeString(folder.resolve("Client.java"), SOURCE);
        Process javac = new ProcessBuilder(JDK_BIN.resolve("javac").toString(), "-d", folder.toString(), source.toString())
                .inheritIO().start();
        if (!javac.waitFor(60, TimeUnit.SECONDS) || javac.exitValue() != 0) {
            javac.destroyForcibly();
            throw new IllegalStateException("javac could not compile the client in " + folder);
        }
        return folder;
    }

    /** Starts a client JVM from {@code classes} that connects to {@code server}. */
    static ClientJvm connect(Path classes, InetSocketAddress server) throws IOException {
        return new ClientJvm(new ProcessBuilder(List.of(JDK_BIN.resolve("java").toString(), "-Xmx16m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), "Client", server.getAddress().getHostAddress(),
                Integer.toString(server.getPort())))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    long pid() {
        return process.pid();
    }

    /** Closing its standard input ends the client; one that does not end in time is killed. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
