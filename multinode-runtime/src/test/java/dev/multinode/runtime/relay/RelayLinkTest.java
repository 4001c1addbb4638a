package dev.multinode.runtime.relay;

import static dev.multinode.runtime.relay.RelaySockets.LOOPBACK;
import static dev.multinode.runtime.relay.RelaySockets.assertNothingArrives;
import static dev.multinode.runtime.relay.RelaySockets.assertRefusedAtOnce;
import static dev.multinode.runtime.relay.RelaySockets.client;
import static dev.multinode.runtime.relay.RelaySockets.ends;
import static dev.multinode.runtime.relay.RelaySockets.receive;
import static dev.multinode.runtime.relay.RelaySockets.send;
import static dev.multinode.runtime.relay.RelaySockets.settledCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A link relay on loopback: bytes both ways, holds, half-close, a target gone, resets and closing. */
class RelayLinkTest {

    private static final int PEER = 2;


    @AutoClose
    private final RelayFixture fixture = new RelayFixture("node-a", 4, RelayOptions.defaults());
    private final RelayHub hub = fixture.hub();
    private final RelaySockets sockets = fixture.sockets();

    @Test
    void bytesFlowBothWaysToAnEchoServer() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, LOOPBACK)) {
            Thread echoing = new Thread(() -> echoOne(echo), "relay-test-echo");
            echoing.setDaemon(true);
            echoing.start();
            InetSocketAddress relay = hub.openLink(PEER, "echo", new InetSocketAddress(LOOPBACK, echo.getLocalPort()));
            try (Socket client = client(relay)) {
                for (int i = 0; i < 100; i++) {
                    send(client, "ping-" + (i % 10));
                    assertThat(receive(client, 6)).isEqualTo("ping-" + (i % 10));
                }
            }
            assertThat(settledCount(() -> hub.bytes(PEER, Flow.OUT), 600)).isEqualTo(600);
            assertThat(settledCount(() -> hub.bytes(PEER, Flow.IN), 600)).isEqualTo(600);
            assertThat(hub.connections(PEER, Flow.OUT)).isEqualTo(1);
            assertThat(hub.bytes(1, Flow.OUT)).isZero();
            echoing.join(RelaySockets.ARRIVAL_MILLIS);
        }
    }

    private static void echoOne(ServerSocket echo) {
        try (Socket socket = echo.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // the test's client went away: so does the echo
        }
    }

    @Test
    void listensOnTheBindAddressOnlyAndOnceForEachPeerAndEndpoint() {
        InetSocketAddress first = hub.openLink(PEER, "db", sockets.target());
        assertThat(first.getAddress()).isEqualTo(LOOPBACK);
        assertThat(hub.openLink(PEER, "db", sockets.target())).isEqualTo(first);
        assertThat(hub.openLink(PEER + 1, "db", sockets.target())).isNotEqualTo(first);
        assertThat(hub.openLink(PEER, "other", sockets.target())).isNotEqualTo(first);
    }

    @Test
    void heldOutgoingBytesWaitAndArriveAllWhenReleased() throws IOException {
        try (RelaySockets.Ends ends = sockets.connect(hub.openLink(PEER, "db", sockets.target()))) {
            hub.hold(PEER, Flow.OUT, true);
            send(ends.client(), "while held");
            assertNothingArrives(ends.far());
            // the other direction is not held
            send(ends.far(), "back");
            assertThat(receive(ends.client(), 4)).isEqualTo("back");

            hub.hold(PEER, Flow.OUT, false);
            assertThat(receive(ends.far(), 10)).isEqualTo("while held");
            send(ends.client(), "after");
            assertThat(receive(ends.far(), 5)).isEqualTo("after");
        }
    }

    @Test
    void heldIncomingBytesWaitAndArriveAllWhenReleased() throws IOException {
        try (RelaySockets.Ends ends = sockets.connect(hub.openLink(PEER, "db", sockets.target()))) {
            hub.hold(PEER, Flow.IN, true);
            send(ends.far(), "answer");
            assertNothingArrives(ends.client());
            send(ends.client(), "request");
            assertThat(receive(ends.far(), 7)).isEqualTo("request");

            hub.heal();
            assertThat(receive(ends.client(), 6)).isEqualTo("answer");
        }
    }

    @Test
    void aHoldAppliesOnlyToItsPeer() throws IOException {
        hub.hold(PEER + 1, Flow.OUT, true);
        try (RelaySockets.Ends ends = sockets.connect(hub.openLink(PEER, "db", sockets.target()))) {
            send(ends.client(), "free");
            assertThat(receive(ends.far(), 4)).isEqualTo("free");
        }
    }

    @Test
    void anEndOfStreamIsPassedOnAfterTheBytesBeforeIt() throws IOException {
        try (RelaySockets.Ends ends = sockets.connect(hub.openLink(PEER, "db", sockets.target()))) {
            send(ends.client(), "last words");
            ends.client().shutdownOutput();
            assertThat(receive(ends.far(), 10)).isEqualTo("last words");
            assertThat(ends.far().getInputStream().read()).isEqualTo(-1);
            // the other direction still flows, and ends in turn
            send(ends.far(), "reply");
            assertThat(receive(ends.client(), 5)).isEqualTo("reply");
            ends.far().shutdownOutput();
            assertThat(ends.client().getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aHeldEndOfStreamWaitsForTheRelease() throws IOException {
        try (RelaySockets.Ends ends = sockets.connect(hub.openLink(PEER, "db", sockets.target()))) {
            hub.hold(PEER, Flow.OUT, true);
            send(ends.client(), "bye");
            ends.client().shutdownOutput();
            assertNothingArrives(ends.far());
            hub.hold(PEER, Flow.OUT, false);
            assertThat(receive(ends.far(), 3)).isEqualTo("bye");
            assertThat(ends.far().getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aConnectionToATargetThatIsGoneIsClosedAtOnce() throws IOException {
        InetSocketAddress gone;
        try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
            gone = new InetSocketAddress(LOOPBACK, closed.getLocalPort());
        }
        assertRefusedAtOnce(hub.openLink(PEER, "db", gone));
        assertThat(hub.connections(PEER, Flow.OUT)).isEqualTo(1);
    }

    @Test
    void disconnectOutgoingResetsCurrentConnectionsAndNewOnesWork() throws IOException {
        InetSocketAddress relay = hub.openLink(PEER, "db", sockets.target());
        try (RelaySockets.Ends old = sockets.connect(relay)) {
            send(old.client(), "hi");
            assertThat(receive(old.far(), 2)).isEqualTo("hi");
            // incoming connections are another matter: this one stays
            hub.disconnectIncoming(PEER);
            send(old.client(), "still");
            assertThat(receive(old.far(), 5)).isEqualTo("still");

            hub.disconnectOutgoing(PEER);
            fixture.assertResetAndReconnects(old, relay);
        }
        assertThat(hub.connections(PEER, Flow.OUT)).isEqualTo(2);
    }

    @Test
    void closeLeavesNoThreadNorPortAndRefusesFurtherCalls() throws IOException {
        InetSocketAddress relay = hub.openLink(PEER, "db", sockets.target());
        try (RelaySockets.Ends ends = sockets.connect(relay)) {
            hub.close();
            assertThat(ends(ends.client())).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("multinode-relay-")
                && thread.isAlive());
        try (ServerSocket again = new ServerSocket(relay.getPort(), 1, LOOPBACK)) {
            assertThat(again.getLocalPort()).isEqualTo(relay.getPort());
        }
        assertThatThrownBy(() -> hub.hold(PEER, Flow.OUT, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(fixture.notices()).isEmpty();
    }

    @Test
    void refusesPeersOutsideTheRun() {
        assertThatThrownBy(() -> hub.hold(4, Flow.OUT, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peer 4");
        assertThatThrownBy(() -> hub.delay(PEER, Flow.IN, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
