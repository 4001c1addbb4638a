package dev.multinode.runtime.relay;

import static dev.multinode.runtime.relay.RelaySockets.LOOPBACK;
import static dev.multinode.runtime.relay.RelaySockets.assertNothingArrives;
import static dev.multinode.runtime.relay.RelaySockets.assertRefusedAtOnce;
import static dev.multinode.runtime.relay.RelaySockets.receive;
import static dev.multinode.runtime.relay.RelaySockets.send;
import static dev.multinode.runtime.relay.RelaySockets.settledCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A shared relay: a connection's flows belong to its origin, an unknown origin is refused, resets. */
class RelaySharedTest {

    private static final int ORIGIN = 3;


    @AutoClose
    private final RelayFixture fixture = new RelayFixture("node-c", 4, RelayOptions.defaults());
    private final RelayHub hub = fixture.hub();
    private final RelaySockets sockets = fixture.sockets();

    @Test
    void bytesFromThePeerAreInAndBytesToItOut() throws IOException {
        InetSocketAddress relay = hub.openShared("zk", sockets.target(), accepted -> ORIGIN);
        assertThat(hub.openShared("zk", sockets.target(), accepted -> ORIGIN)).isEqualTo(relay);
        try (RelaySockets.Ends ends = sockets.connect(relay)) {
            send(ends.client(), "hello");
            assertThat(receive(ends.far(), 5)).isEqualTo("hello");
            send(ends.far(), "welcome");
            assertThat(receive(ends.client(), 7)).isEqualTo("welcome");
            assertThat(settledCount(() -> hub.bytes(ORIGIN, Flow.IN), 5)).isEqualTo(5);
            assertThat(settledCount(() -> hub.bytes(ORIGIN, Flow.OUT), 7)).isEqualTo(7);
            assertThat(hub.connections(ORIGIN, Flow.IN)).isEqualTo(1);
            assertThat(hub.connections(ORIGIN, Flow.OUT)).isZero();

            hub.hold(ORIGIN, Flow.IN, true);
            send(ends.client(), "held");
            assertNothingArrives(ends.far());
            send(ends.far(), "free");
            assertThat(receive(ends.client(), 4)).isEqualTo("free");
            hub.hold(ORIGIN, Flow.IN, false);
            assertThat(receive(ends.far(), 4)).isEqualTo("held");
        }
    }

    @Test
    void aConnectionOfUnknownOriginIsClosedAndReported() throws IOException {
        InetSocketAddress relay = hub.openShared("zk", sockets.target(), accepted -> -1);
        int clientPort = assertRefusedAtOnce(relay);
        assertThat(sockets.targetAcceptsNothing()).isTrue();
        assertThat(fixture.notices()).singleElement().asString().contains("unknown").contains(":" + clientPort);
    }

    @Test
    void disconnectIncomingResetsThePeersConnectionsOnly() throws IOException {
        InetSocketAddress relay = hub.openShared("zk", sockets.target(), accepted -> ORIGIN);
        try (RelaySockets.Ends old = sockets.connect(relay)) {
            hub.disconnectOutgoing(ORIGIN);
            hub.disconnectIncoming(ORIGIN - 1);
            send(old.client(), "alive");
            assertThat(receive(old.far(), 5)).isEqualTo("alive");

            hub.disconnectIncoming(ORIGIN);
            fixture.assertResetAndReconnects(old, relay);
        }
    }
}
