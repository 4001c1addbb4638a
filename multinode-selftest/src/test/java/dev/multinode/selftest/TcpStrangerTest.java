package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Await;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Strangers knock on the TCP conductor's port while a spec runs: one without a word, one with a
 * wrong secret, one with a 2 GiB length prefix, one with random bytes. Each is refused and the spec
 * passes as if nothing happened.
 */
class TcpStrangerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void strangersAreRefusedAndTheSpecStillPasses() throws Exception {
        Path signal = Files.createTempFile("multinode-attacked", ".flag");
        Files.delete(signal);
        String signalPath = signal.toString();
        long started = System.currentTimeMillis();
        try {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> MultiNode.spec("node-a", "node-b")
                    .transport("tcp").launch(LaunchMode.PROCESS)
                    .run(node -> {
                        MultiNodeProbe inbox = node.probe("inbox");
                        Await.awaitAssert(() -> assertThat(Path.of(signalPath)).exists(), WAIT);
                        node.enterBarrier("after-the-strangers");
                        node.tell(node.probeRef(node.role().equals("node-a") ? "node-b" : "node-a", "inbox"), "still here");
                        inbox.expectMessage("still here", Duration.ofSeconds(10));
                        node.enterBarrier("done");
                    }));
            String conductor = conductorAddressOfRunStartedAfter(started);
            knock(conductor, new byte[0]);
            knock(conductor, wrongSecretHandshake());
            knock(conductor, ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            byte[] noise = new byte[1000];
            new Random(7).nextBytes(noise);
            knock(conductor, noise);
            Files.createFile(signal);
            run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            Files.deleteIfExists(signal);
        }
    }

    /** The conductor's TCP address, as the parent handed it to its node JVMs. */
    private static String conductorAddressOfRunStartedAfter(long started) {
        String[] address = new String[1];
        Await.awaitAssert(() -> {
            Optional<Path> settings;
            try (Stream<Path> files = Files.walk(Path.of("target/multinode"))) {
                settings = files.filter(file -> file.getFileName().toString().equals("node.properties"))
                        .filter(file -> file.toString().contains("TcpStrangerTest"))
                        .filter(file -> file.toFile().lastModified() >= started - 1000)
                        .max(Comparator.comparingLong(file -> file.toFile().lastModified()));
            }
            assertThat(settings).isPresent();
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(settings.get())));
            address[0] = properties.getProperty("transport.multinode.tcp.conductor");
            assertThat(address[0]).isNotBlank();
        }, WAIT);
        return address[0];
    }

    private static byte[] wrongSecretHandshake() {
        byte[] handshake = new byte[50];
        new Random(11).nextBytes(handshake);
        System.arraycopy("MNTP".getBytes(StandardCharsets.US_ASCII), 0, handshake, 0, 4);
        return handshake;
    }

    /** Sends the bytes and expects the conductor to hang up on us. */
    private static void knock(String conductor, byte[] bytes) throws IOException {
        int colon = conductor.lastIndexOf(':');
        try (Socket socket = new Socket(conductor.substring(0, colon), Integer.parseInt(conductor.substring(colon + 1)))) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(drainUntilClosed(in)).as("the conductor closes the stranger's connection").isTrue();
        }
    }

    private static boolean drainUntilClosed(InputStream in) throws IOException {
        byte[] chunk = new byte[256];
        try {
            while (true) {
                if (in.read(chunk) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

}
