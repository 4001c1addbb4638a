package dev.multinode.runtime.relay;

import static dev.multinode.runtime.relay.RelaySockets.ends;
import static dev.multinode.runtime.relay.RelaySockets.receive;
import static dev.multinode.runtime.relay.RelaySockets.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hub on loopback, the notices it gave and the test's target sockets, closed together: a test's
 * field, closed by JUnit after each test.
 */
final class RelayFixture implements AutoCloseable {

    private final CopyOnWriteArrayList<String> notices = new CopyOnWriteArrayList<>();
    private final RelayHub hub;
    private final RelaySockets sockets;

    /** @param options the hub's, but for its notices, which the fixture collects */
    RelayFixture(String node, int participants, RelayOptions options) {
        hub = new RelayHub(node, participants, RelaySockets.LOOPBACK, options.withNotices(notices::add));
        try {
            sockets = new RelaySockets();
        } catch (IOException e) {
            hub.close();
            throw new UncheckedIOException("the test's target cannot listen", e);
        }
    }

    RelayHub hub() {
        return hub;
    }

    RelaySockets sockets() {
        return sockets;
    }

    List<String> notices() {
        return notices;
    }

    /** Shows that both ends of a connection the relay reset see it end, and that a new connection works. */
    void assertResetAndReconnects(RelaySockets.Ends old, InetSocketAddress relay) throws IOException {
        assertThat(ends(old.client())).as("the client's end").isTrue();
        assertThat(ends(old.far())).as("the target's end").isTrue();
        try (RelaySockets.Ends fresh = sockets.connect(relay)) {
            send(fresh.client(), "again");
            assertThat(receive(fresh.far(), 5)).isEqualTo("again");
        }
    }

    @Override
    public void close() throws IOException {
        hub.close();
        sockets.close();
    }
}
