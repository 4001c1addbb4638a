package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupAnswerMessage;
import dev.multinode.runtime.protocol.LookupMessage;
import dev.multinode.runtime.protocol.PublishMessage;
import dev.multinode.spi.Scheduler;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's ports are allocated and published at its bind address, not at loopback by accident
 * (external nodes on other hosts are given theirs), and {@code address} reads the entry back.
 */
class NodePortsTest {

    /** A loopback address other than the default one: Linux binds all of 127.0.0.0/8. */
    private static final String BIND = "127.0.0.2";

    private final FakeNode node = new FakeNode();
    private final DirectoryClient directory = new DirectoryClient(node.control, node.link, node.participants, node.gate,
            Duration.ofSeconds(1), Duration.ofSeconds(1), FakeNode.TRANSPORT_FRAME, Scheduler.system());
    private final NodePorts ports = new NodePorts(directory, node.participants, node.relays, 0, Duration.ofSeconds(1), false);

    @AfterEach
    void clearBindAddress() {
        System.clearProperty(NodePorts.BIND_ADDRESS);
        System.clearProperty(NodePorts.CONDUCTOR);
        node.close();
    }

    @Test
    void aPortIsAllocatedOnTheBindAddressAndPublishedWithItOncePerName() {
        assumeTrue(canBind(BIND), "this host cannot bind " + BIND);
        System.setProperty(NodePorts.BIND_ADDRESS, BIND);

        int cluster = ports.port("cluster");
        int admin = ports.port("admin");

        assertThat(ports.port("cluster")).isEqualTo(cluster);
        assertThat(admin).isNotEqualTo(cluster);
        assertThat(node.endpoint.sent()).extracting(frame -> frame.type()).containsOnly(FrameType.PUBLISH);
        assertThat(node.endpoint.sent()).map(frame -> new PublishMessage().wrap(frame.buffer()))
                .map(publish -> publish.key() + "=" + publish.value()).filteredOn(entry -> entry.startsWith("endpoint:"))
                .containsExactly("endpoint:cluster=" + BIND + ":" + cluster, "endpoint:admin=" + BIND + ":" + admin);
    }

    @Test
    void anExternalNodeWithoutABindAddressPublishesItsAddressOnTheRouteToTheConductor() throws Exception {
        InetAddress own = nonLoopbackAddress();
        assumeTrue(own != null, "this host has no address but loopback");
        System.setProperty(NodePorts.CONDUCTOR, own.getHostAddress() + ":9");

        int cluster = ports.port("cluster");

        assertThat(published()).contains("endpoint:cluster=" + own.getHostAddress() + ":" + cluster);
    }

    @Test
    void anotherNodesAddressIsThisNodesRelayTowardsTheEntryThePeerPublishedAndItsOwnIsTheEntryItself() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String entry = "127.0.0.1:" + peer.getLocalPort();
            answerLookups(Map.of("node-b endpoint:cluster", entry, "node-a endpoint:cluster", "127.0.0.1:4711"));

            InetSocketAddress relay = ports.address("node-b", "cluster");

            assertThat(relay.getAddress().isLoopbackAddress()).as("the relay listens on the bind address").isTrue();
            assertThat(relay.getPort()).isNotEqualTo(peer.getLocalPort());
            assertThat(ports.address("node-b", "cluster")).isEqualTo(relay);
            assertThat(ports.address("node-a", "cluster")).isEqualTo(new InetSocketAddress("127.0.0.1", 4711));
            assertThat(published()).contains("relay:link:node-b:cluster=127.0.0.1:" + relay.getPort());
            try (Socket client = new Socket()) {
                client.connect(relay, 5000);
                peer.setSoTimeout(5000);
                try (Socket accepted = peer.accept()) {
                    client.getOutputStream().write(7);
                    accepted.setSoTimeout(5000);
                    assertThat(accepted.getInputStream().read()).as("a byte through the relay").isEqualTo(7);
                }
            }
        }
    }

    @Test
    void aRestartedNodeGetsItsEarlierPortBackWhenItIsFree() throws Exception {
        int earlier;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            earlier = probe.getLocalPort();
        }
        answerLookups(Map.of("node-a endpoint:cluster", "127.0.0.1:" + earlier));
        NodePorts restarted = new NodePorts(directory, node.participants, node.relays, 1, Duration.ofSeconds(1), false);

        assertThat(restarted.port("cluster")).isEqualTo(earlier);
    }

    /** The conductor's part: each lookup is answered from {@code entries} ("role key" to value) at once. */
    private void answerLookups(Map<String, String> entries) {
        node.endpoint.onSend(frame -> {
            if (frame.type() == FrameType.LOOKUP) {
                LookupMessage lookup = new LookupMessage().wrap(frame.buffer());
                String value = entries.get(lookup.role() + " " + lookup.key());
                directory.answered(new LookupAnswerMessage().wrap(LookupAnswerMessage.write(ByteBuffer.allocate(256),
                        lookup.requestId(), value == null ? "not published" : "", value == null ? "" : value)));
            }
        });
    }

    private List<String> published() {
        return node.endpoint.sent().stream().filter(frame -> frame.type() == FrameType.PUBLISH)
                .map(frame -> new PublishMessage().wrap(frame.buffer())).map(p -> p.key() + "=" + p.value()).toList();
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface each : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (each.isUp() && !each.isLoopback()) {
                for (InetAddress address : Collections.list(each.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    private static boolean canBind(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
