package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.Await;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import dev.multinode.runtime.launch.ExternalNodeMain;
import dev.multinode.testkit.ChildJvm;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * External launch: the runner starts no node; nodes started by hand (here: as processes of this
 * host) join with the run's secret. A stranger at the join address is refused and changes nothing.
 * The runner cannot start an external node again, so a restart is refused; a pause works at the
 * node's own gate. An external node's ports are published at its bind address (here the default,
 * loopback) and learnt by the others.
 */
class ExternalLaunchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void nodesStartedElsewhereJoinAndRunTheSpec() throws Exception {
        Path scratch = Files.createTempDirectory("multinode-external");
        Path announce = scratch.resolve("join.properties");
        System.setProperty("multinode.external.announceFile", announce.toString());
        List<ChildJvm> nodes = new ArrayList<>();
        try {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> MultiNode.spec("node-a", "node-b")
                    .transport("tcp").launch(LaunchMode.EXTERNAL)
                    .run(node -> {
                        MultiNodeProbe inbox = node.probe("inbox");
                        node.enterBarrier("joined");
                        Map<String, String> ports = node.exchange("ports", String.valueOf(node.port("cluster")));
                        // its own endpoint is where it bound it; another node's is its relay, on its bind address too
                        assertThat(node.address(node.role(), "cluster")).isEqualTo(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(ports.get(node.role()))));
                        String other = node.role().equals("node-a") ? "node-b" : "node-a";
                        assertThat(node.address(other, "cluster").getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
                        node.runOn("node-a", () -> {
                            assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().restart("node-b")))
                                    .hasMessageContaining("this launch mode cannot start nodes");
                            node.faults().pause("node-b");
                            node.faults().resume("node-b");
                        });
                        node.tell(node.probeRef(node.role().equals("node-a") ? "node-b" : "node-a", "inbox"), node.role());
                        inbox.expectMessage(String.class, Duration.ofSeconds(10));
                        node.enterBarrier("done");
                    }));
            Await.awaitAssert(() -> assertThat(announce).exists(), WAIT);
            Properties join = new Properties();
            join.load(new StringReader(Files.readString(announce)));
            strangerKnocks(join.getProperty("conductor"));
            for (String role : List.of("node-a", "node-b")) {
                List<String> flags = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                        "-Dmultinode.role=" + role, "-Dmultinode.conductor=" + join.getProperty("conductor"),
                        "-Dmultinode.secret=" + join.getProperty("secret"));
                nodes.add(ChildJvm.builder(ExternalNodeMain.class).flags(flags).start(scratch.resolve(role + ".log")));
            }
            run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            for (ChildJvm node : nodes) {
                assertThat(node.await(WAIT)).as(node + " exit code; its output:\n" + node.output()).isZero();
            }
        } finally {
            System.clearProperty("multinode.external.announceFile");
            for (ChildJvm node : nodes) {
                node.close();
            }
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }

    /** Connects without the secret: the join server must refuse it and keep serving. */
    private static void strangerKnocks(String conductor) throws IOException {
        int colon = conductor.lastIndexOf(':');
        try (Socket socket = new Socket(conductor.substring(0, colon), Integer.parseInt(conductor.substring(colon + 1)))) {
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF("multinode-join-1");
            out.writeUTF("node-a");
            out.write(new byte[32]);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readNBytes(64); // the conductor's challenge and proof
            out.write(new byte[32]); // a wrong proof
            out.flush();
            assertThat(in.read()).as("the join server closes on a stranger").isEqualTo(-1);
        }
    }
}
